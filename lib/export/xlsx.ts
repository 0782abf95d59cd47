/**
 * The one way Årshjulet writes an Excel workbook (exceljs): Swedish headers in a bold, frozen first row with a
 * filter, column widths from the content, calendar days and times as real Excel dates, shares as numbers with a
 * percent format, and text made inert the way the CSV downloads make it. tests/unit/xlsx.test.ts opens the files.
 */
import ExcelJS from "exceljs";
import { formulaSafe, xmlSafe } from "./safe-text.ts";

/**
 * text; integer; decimal (one decimal); percent: a share 0–1 shown as "87,5 %"; date: a calendar day
 * (a UTC-midnight date-only value); datetime: an instant, written as the wall-clock time in Sweden.
 */
export type ColumnKind = "text" | "integer" | "decimal" | "percent" | "date" | "datetime";
export type SheetColumn = { header: string; kind: ColumnKind; width?: number };
export type SheetValue = string | number | Date | null | undefined;
export type Sheet = { name: string; columns: SheetColumn[]; rows: SheetValue[][] };

const FORMATS: Record<ColumnKind, string> = {
  text: "@",
  integer: "0",
  decimal: "0.0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Excel's limit of characters in one cell. */
const MAX_CELL_TEXT = 32_767;

const stockholmParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** An instant as a Date whose UTC fields are the wall-clock time in Sweden: exceljs writes UTC fields as they are. */
export function stockholmWallClock(instant: Date): Date {
  const part = Object.fromEntries(stockholmParts.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!));
}

function cellValue(kind: ColumnKind, value: SheetValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return kind === "datetime" ? stockholmWallClock(value) : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return formulaSafe(xmlSafe(value)).slice(0, MAX_CELL_TEXT);
}

const shownLength = (kind: ColumnKind, value: ExcelJS.CellValue) =>
  value === null ? 0 : kind === "date" ? 10 : kind === "datetime" ? 16 : kind === "percent" ? 7 : Math.max(...String(value).split("\n").map((l) => l.length));

/** An Excel sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return xmlSafe(name).replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Blad";
}

/** The workbook of the given sheets as .xlsx bytes. */
export async function buildWorkbook(sheets: Sheet[], createdAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Årshjulet";
  workbook.created = createdAt;
  workbook.modified = createdAt;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: "frozen", ySplit: 1 }] });
    const header = ws.addRow(sheet.columns.map((c) => xmlSafe(c.header)));
    header.font = { bold: true };
    header.alignment = { vertical: "top", wrapText: true };
    const widths = sheet.columns.map((c) => c.header.length);
    for (const values of sheet.rows) {
      const row = ws.addRow(sheet.columns.map((c, i) => cellValue(c.kind, values[i])));
      sheet.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.numFmt = FORMATS[c.kind];
        widths[i] = Math.max(widths[i]!, shownLength(c.kind, cell.value));
      });
    }
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i]! + 2));
    });
    if (sheet.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
