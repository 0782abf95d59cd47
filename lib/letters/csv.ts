import { formulaSafe } from "../export/safe-text.ts";
import type { Sheet, SheetColumn } from "../export/xlsx.ts";
import { formatDateIso } from "../dates/cycle.ts";
import type { LetterOverview } from "./queries.ts";
import { STATE_LABELS } from "../tasks/module-tasks.ts";
import { DISPATCH_METHOD_LABELS, LETTER_NUMBERS } from "./schemas.ts";

export { STATE_LABELS } from "../tasks/module-tasks.ts";

/** One CSV cell: quoted when it holds the separator, a quote or a line break (RFC 4180, Swedish Excel's ";"). */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = formulaSafe(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, ";" between cells and CRLF between rows: what Excel with Swedish settings opens correctly. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

/** The verksamhet overview as a sheet: one row per unit, with date, count, method and state of each letter. */
export function overviewSheet(overview: LetterOverview): Sheet {
  const columns: SheetColumn[] = [
    { header: "Område", kind: "text" },
    { header: "Enhet", kind: "text" },
    ...LETTER_NUMBERS.flatMap((n): SheetColumn[] => [
      { header: `Brukarbrev ${n} skickat`, kind: "date" },
      { header: `Brukarbrev ${n} antal`, kind: "integer" },
      { header: `Brukarbrev ${n} sätt`, kind: "text" },
      { header: `Brukarbrev ${n} läge`, kind: "text" },
    ]),
  ];
  const rows = overview.rows.map(({ unit, letters }) => [
    unit.area.name,
    unit.name,
    ...letters.flatMap((l) => [
      l.dispatch?.sentOn ?? null,
      l.dispatch?.count ?? null,
      l.dispatch ? (l.dispatch.method === "OTHER" ? `${DISPATCH_METHOD_LABELS.OTHER}: ${l.dispatch.methodOther ?? ""}` : DISPATCH_METHOD_LABELS[l.dispatch.method]) : "",
      l.task ? STATE_LABELS[l.state] : "Ingår inte",
    ]),
  ]);
  return { name: `Brukarbrev ${overview.year ?? ""}`.trim(), columns, rows };
}

/** A sheet as CSV text, calendar days written ÅÅÅÅ-MM-DD. */
export function sheetCsv(sheet: Sheet): string {
  return toCsv([sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => row.map((v) => (v instanceof Date ? formatDateIso(v) : v)))]);
}

/** The verksamhet overview as CSV, the same table as the workbook. */
export const overviewCsv = (overview: LetterOverview): string => sheetCsv(overviewSheet(overview));
