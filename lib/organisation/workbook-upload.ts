import { countCsvRows, type UploadKind } from "../uploads.ts";

/** The organisation workbook's upload limits; apart from workbook.ts so that the browser's check does not pull in exceljs (issue 35). */
export const WORKBOOK_UPLOAD: UploadKind = {
  limits: { maxBytes: 1_000_000, maxItems: 5000, items: ["rad", "rader"] },
  count: countCsvRows,
  context: "Arbetsboken får bara innehålla områden, enheter och användarnas namn, e-post och roller.",
};
