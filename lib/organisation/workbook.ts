/**
 * The organisation's workbook (issue 29): the sheets Områden, Enheter and Användare, as one .xlsx or as one CSV file
 * per sheet. Reading turns a file into rows with their row numbers; writing builds the sheets. No database here:
 * lib/organisation/import.ts plans and writes (docs/decisions/018-closed-units-and-the-organisation-workbook.md).
 */
import ExcelJS from "exceljs";
import { decodeUtf8, detectSeparator, readCsv } from "../results/csv.ts";
import { textProblem } from "../uploads.ts";
import type { Sheet } from "../export/xlsx.ts";
import { formatDateIso } from "../dates/cycle.ts";

export { WORKBOOK_UPLOAD } from "./workbook-upload.ts";
import { WORKBOOK_UPLOAD } from "./workbook-upload.ts";

export const SHEETS = {
  areas: { name: "Områden", columns: ["Område"] },
  units: { name: "Enheter", columns: ["Enhet", "Område", "Kolada-id", "Stängd från"] },
  users: { name: "Användare", columns: ["E-post", "Namn", "Roll", "Gäller"] },
} as const;
export type SheetKey = keyof typeof SHEETS;
export const SHEET_KEYS = Object.keys(SHEETS) as SheetKey[];

/** The scope "the whole verksamhet" in the column Gäller; otherwise units and areas separated by semicolons. */
export const WHOLE_VERKSAMHET_TEXT = "Hela verksamheten";
export const REFERENCE_SEPARATOR = ";";
/** "Område Norr / Lärkan": a unit named in its area, for a unit name that more than one area has. */
export const AREA_UNIT_SEPARATOR = " / ";

/** One data row of a sheet: its row number as the file shows it (the header is row 1) and its cells by column. */
export type WorkbookRow = { line: number; cells: Record<string, string> };
export type WorkbookRows = Record<SheetKey, WorkbookRow[]>;
export type ReadResult = { ok: true; rows: WorkbookRows } | { ok: false; message: string };

const NOTHING_SAVED = "Inget har sparats.";
const empty = (): WorkbookRows => ({ areas: [], units: [], users: [] });
const normalise = (header: string) => header.trim().toLocaleLowerCase("sv");
// What our own export made inert for Excel (lib/export/safe-text.ts) reads back as written.
const unquote = (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

/** Rows of one sheet from its header and data lines; a missing column is refused by name. */
function rowsOf(key: SheetKey, header: string[], data: { line: number; fields: string[] }[]): WorkbookRow[] | string {
  const index = new Map(header.map((h, i) => [normalise(h), i]));
  const missing = SHEETS[key].columns.filter((c) => !index.has(normalise(c)));
  if (missing.length > 0) return `Bladet ${SHEETS[key].name} saknar kolumnen ${missing.join(", ")}. Ladda ner mallen och använd dess rubriker. ${NOTHING_SAVED}`;
  return data
    .map(({ line, fields }) => ({ line, cells: Object.fromEntries(SHEETS[key].columns.map((c) => [c, unquote((fields[index.get(normalise(c))!] ?? "").trim())])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ""));
}

/** The text of a sheet's rows, one line per row, for the checks every upload gets (control characters, personnummer). */
const sheetText = (header: string[], data: { fields: string[] }[]) => [header, ...data.map((d) => d.fields)].map((f) => f.join(";")).join("\n");

function checkText(sheet: string, text: string): string | null {
  const problem = textProblem(text, WORKBOOK_UPLOAD);
  return problem ? `Bladet ${sheet}: ${problem}` : null;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return formatDateIso(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value) return String(value.text);
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  return String(value);
}

/** Reads an .xlsx workbook: the sheets it has of Områden, Enheter and Användare (others are ignored). */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: `Filen kunde inte läsas som en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok eller ladda upp ett blad som CSV. ${NOTHING_SAVED}` };
  }
  const rows = empty();
  let found = 0;
  for (const key of SHEET_KEYS) {
    const ws = workbook.worksheets.find((w) => normalise(w.name) === normalise(SHEETS[key].name));
    if (!ws) continue;
    found++;
    const lines: { line: number; fields: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const fields: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, SHEETS[key].columns.length); c++) fields.push(cellText(row.getCell(c)));
      lines.push({ line, fields });
    });
    const [header, ...data] = lines;
    if (!header) continue;
    if (data.length > WORKBOOK_UPLOAD.limits.maxItems) return { ok: false, message: `Bladet ${SHEETS[key].name} har för många rader (högst ${WORKBOOK_UPLOAD.limits.maxItems}). ${NOTHING_SAVED}` };
    const problem = checkText(SHEETS[key].name, sheetText(header.fields, data));
    if (problem) return { ok: false, message: problem };
    const read = rowsOf(key, header.fields, data);
    if (typeof read === "string") return { ok: false, message: read };
    rows[key] = read;
  }
  if (found === 0) return { ok: false, message: `Arbetsboken har inget av bladen ${SHEET_KEYS.map((k) => SHEETS[k].name).join(", ")}. Ladda ner mallen och fyll i den. ${NOTHING_SAVED}` };
  return { ok: true, rows };
}

/** Reads one sheet saved as CSV (UTF-8): which sheet it is, its rows are known by the header (E-post, Enhet or Område). */
export function readSheetCsv(bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  const problem = checkText("i CSV-filen", decoded.text);
  if (problem) return { ok: false, message: problem.replace("Bladet i CSV-filen: ", "") };
  const headerLine = decoded.text.split(/\r\n|\r|\n/)[0] ?? "";
  const known = new Set(SHEET_KEYS.flatMap((k) => SHEETS[k].columns.map(normalise)));
  const separator = detectSeparator(headerLine, (n) => known.has(normalise(n)));
  if (!separator) return { ok: false, message: `Första raden ska ha bladets rubriker, t.ex. ${SHEETS.users.columns.join(";")}. ${NOTHING_SAVED}` };
  const csv = readCsv(decoded.text, separator);
  if (!csv.ok) return { ok: false, message: `${csv.message} ${NOTHING_SAVED}` };
  const [header, ...data] = csv.records;
  const names = new Set(header!.fields.map(normalise));
  const key: SheetKey = names.has("e-post") ? "users" : names.has("enhet") ? "units" : "areas";
  if (data.length > WORKBOOK_UPLOAD.limits.maxItems) return { ok: false, message: `Filen har för många rader (högst ${WORKBOOK_UPLOAD.limits.maxItems}). ${NOTHING_SAVED}` };
  const read = rowsOf(key, header!.fields, data);
  if (typeof read === "string") return { ok: false, message: read };
  return { ok: true, rows: { ...empty(), [key]: read } };
}

/** An .xlsx file (a zip: "PK") or a CSV sheet, by its first bytes. */
export function readOrganisationFile(bytes: Uint8Array): Promise<ReadResult> | ReadResult {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? readWorkbook(bytes) : readSheetCsv(bytes);
}

export type WorkbookContent = {
  areas: string[];
  units: { name: string; area: string; koladaOuId: string | null; closedOn: Date | null }[];
  users: { email: string; name: string; role: string; scope: string }[];
};

/** The three sheets of a verksamhet's organisation (empty for the template). */
export function organisationSheets(content: WorkbookContent): Sheet[] {
  const text = (header: string) => ({ header, kind: "text" as const });
  return [
    { name: SHEETS.areas.name, columns: SHEETS.areas.columns.map(text), rows: content.areas.map((a) => [a]) },
    {
      name: SHEETS.units.name,
      columns: [text("Enhet"), text("Område"), text("Kolada-id"), { header: "Stängd från", kind: "date" }],
      rows: content.units.map((u) => [u.name, u.area, u.koladaOuId, u.closedOn]),
    },
    { name: SHEETS.users.name, columns: SHEETS.users.columns.map(text), rows: content.users.map((u) => [u.email, u.name, u.role, u.scope]) },
  ];
}

/** The template's instructions, a fourth sheet that the import ignores. */
export const TEMPLATE_HELP: Sheet = {
  name: "Så fyller du i",
  columns: [{ header: "Instruktion", kind: "text" }],
  rows: [
    ["Områden: ett område per rad. Ett område som inte finns skapas."],
    ["Enheter: enhetens namn och dess område. Kolada-id är valfritt. Skriv ett datum (ÅÅÅÅ-MM-DD) i Stängd från för att stänga en enhet; töm det för att öppna den igen."],
    ["En enhet som inte står i filen lämnas som den är: den stängs bara om filen säger det."],
    ["Användare: en rad per användare och roll. Roll skrivs som i Årshjulet, t.ex. Enhetschef eller Koordinator."],
    [`Gäller: ${WHOLE_VERKSAMHET_TEXT}, ett område (alla dess enheter) eller enheter åtskilda med semikolon, t.ex. Lärkan; Tallbacken.`],
    ["Importen lägger till användare och roller men tar aldrig bort någon. Nya användare får inget lösenord: de loggar in med kommunens inloggning eller väljer Glömt lösenord."],
    ["Skriv aldrig personnummer i filen."],
  ],
};
