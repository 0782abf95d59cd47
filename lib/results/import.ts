/**
 * Reads a results file into validated rows, or into Swedish errors naming line and column. Pure: the caller
 * supplies the organisation's indicators and units, and writes nothing unless every row is valid.
 */
import type { ResultLevel } from "../db/generated/enums.ts";
import { plural } from "../plural.ts";
import { columnLetter, decodeUtf8, detectSeparator, parseDecimal, readCsv, SEPARATOR_NAMES, type CsvRecord, type Separator } from "./csv.ts";
import { KOLADA_RIKET, MIN_RESPONDENTS, RESULTS_UPLOAD } from "./schemas.ts";
import { cellProblem, countProblem, sizeProblem, textProblem } from "../uploads.ts";

export type ImportContext = {
  indicators: { id: string; key: string; name: string; koladaKpi: string | null }[];
  /** All units of the organisation; an inactive one is matched by name only when no active unit has that name. */
  units: { id: string; name: string; active: boolean }[];
};
export type ParsedResult = {
  line: number;
  indicatorId: string;
  indicatorName: string;
  year: number;
  level: ResultLevel;
  unitId: string | null;
  placeName: string;
  levelKey: string;
  value: number | null;
  respondents: number | null;
  responseRate: number | null;
};
export type ResultsFormat = "mall" | "kolada";
export type ReadResult =
  | { ok: true; format: ResultsFormat; separator: Separator; rows: ParsedResult[]; notes: string[] }
  | { ok: false; message: string; details: string[] };

const MAX_LISTED_ERRORS = 30;
const SUPPRESSED_MARKS = new Set(["", "*", "..", "-", "–", "x", "för få svar"]);

/** Column names as written in files, normalised: "Antal svar" → "antal_svar", "År" → "ar". */
export function normaliseColumn(name: string): string {
  return name.trim().toLowerCase().replace(/^"|"$/g, "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s-]+/g, "_");
}

const TEMPLATE_COLUMNS: Record<string, string> = {
  indikator: "indikator", indicator: "indikator",
  enhet: "enhet", niva: "enhet",
  enhet_id: "enhet_id", enhetsid: "enhet_id",
  ar: "ar", year: "ar",
  varde: "varde", andel: "varde",
  antal_svar: "antal_svar", svar: "antal_svar", respondenter: "antal_svar",
  svarsfrekvens: "svarsfrekvens",
};
const KOLADA_COLUMNS = ["kpi", "municipality", "period", "gender", "value", "count", "status", "municipality_type", "ou"];
/** The Swedish names shown in errors, as in the documented template. */
const COLUMN_LABELS: Record<string, string> = {
  indikator: "indikator", enhet: "enhet", enhet_id: "enhet_id", ar: "år", varde: "värde", antal_svar: "antal_svar", svarsfrekvens: "svarsfrekvens",
};
const isKnownColumn = (name: string) => normaliseColumn(name) in TEMPLATE_COLUMNS || KOLADA_COLUMNS.includes(normaliseColumn(name));

/** Refuses an empty or too large file before anything is read. */
export function checkFileSize(size: number): string | null {
  if (size === 0) return "Filen är tom.";
  return sizeProblem(RESULTS_UPLOAD.limits, size);
}

export function readResultsFile(bytes: Uint8Array, ctx: ImportContext): ReadResult {
  const sizeError = checkFileSize(bytes.length);
  if (sizeError) return { ok: false, message: sizeError, details: [] };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message, details: [] };
  const text = decoded.text;
  // Control characters and personnummer by line, before any other message can quote a cell back (lib/uploads.ts).
  const refused = textProblem(text, RESULTS_UPLOAD);
  if (refused) return { ok: false, message: refused, details: [] };
  const headerLine = text.split(/\r?\n/).find((l) => l.trim() !== "");
  if (!headerLine) return { ok: false, message: "Filen är tom.", details: [] };
  const separator = detectSeparator(headerLine, isKnownColumn);
  if (!separator) {
    return {
      ok: false,
      message:
        "Rubrikraden (rad 1) kunde inte läsas: inga kända kolumner hittades. Filen ska vara avgränsad med semikolon, komma eller tabb och ha kolumnerna indikator;enhet;år;värde (eller Koladas kpi;municipality;period;gender;value).",
      details: [],
    };
  }
  const parsed = readCsv(text, separator);
  if (!parsed.ok) return failure([parsed.message]);
  // Every cell as it will be stored (quotes undone, a quoted cell over several lines joined): lib/personal-data.ts.
  const identified = cellProblem(parsed.records, RESULTS_UPLOAD);
  if (identified) return { ok: false, message: identified, details: [] };
  const [header, ...records] = parsed.records;
  const names = header!.fields.map(normaliseColumn);
  if (records.length === 0) return { ok: false, message: "Filen innehåller bara rubrikraden: det finns inga resultat att importera.", details: [] };
  const tooMany = countProblem(RESULTS_UPLOAD.limits, records.length);
  if (tooMany) return { ok: false, message: tooMany, details: [] };
  const kolada = names.includes("kpi") && names.includes("municipality");
  const errors: string[] = [];
  for (const r of records) {
    if (r.fields.length !== names.length) {
      errors.push(
        `Rad ${r.line} har ${plural(r.fields.length, "kolumn", "kolumner")} men rubrikraden har ${names.length}. Kontrollera avgränsaren (filen läses som ${SEPARATOR_NAMES[separator]}avgränsad)${separator === "," ? "; decimaltal med komma måste stå inom citattecken" : ""}.`,
      );
    }
  }
  if (errors.length > 0) return failure(errors);
  const result = kolada ? readKolada(names, records, ctx) : readTemplate(names, records, ctx);
  if (!result.ok) return result;
  const duplicates = findDuplicates(result.rows);
  if (duplicates.length > 0) return failure(duplicates);
  return { ok: true, format: kolada ? "kolada" : "mall", separator, rows: result.rows, notes: result.notes };
}

function failure(errors: string[]): ReadResult {
  const shown = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - shown.length;
  return {
    ok: false,
    message: `Filen innehåller ${errors.length === 1 ? "ett fel" : `${errors.length} fel`}. Inget har importerats; rätta filen och försök igen.`,
    details: more > 0 ? [...shown, `… och ${more} fel till.`] : shown,
  };
}

type Read = { ok: true; rows: ParsedResult[]; notes: string[] } | { ok: false; message: string; details: string[] };

class RowReader {
  constructor(
    private names: string[],
    private labels: Record<string, string>,
    private errors: string[],
  ) {}
  index(column: string) {
    return this.names.indexOf(column);
  }
  get(r: CsvRecord, column: string): string {
    const i = this.index(column);
    return i < 0 ? "" : (r.fields[i] ?? "");
  }
  error(r: CsvRecord, column: string, message: string) {
    const i = this.index(column);
    this.errors.push(`Rad ${r.line}, kolumn ${columnLetter(i + 1)} (${this.labels[column] ?? column}): ${message}`);
  }
  year(r: CsvRecord, column: string): number | null {
    const raw = this.get(r, column);
    if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) {
      this.error(r, column, raw ? `”${raw}” är inget år; skriv året med fyra siffror, t.ex. 2025.` : "året saknas.");
      return null;
    }
    return Number(raw);
  }
  /** A percentage 0–100, or null when the cell marks a suppressed value. undefined = error. */
  percent(r: CsvRecord, column: string, what: string): number | null | undefined {
    const raw = this.get(r, column);
    if (SUPPRESSED_MARKS.has(raw.toLowerCase())) return null;
    const n = parseDecimal(raw);
    if (n === null) return this.error(r, column, `”${raw}” är inget tal; skriv ${what} i procent, t.ex. 87,5.`), undefined;
    if (n < 0 || n > 100) return this.error(r, column, `${what} ${raw} ligger utanför 0–100.`), undefined;
    return n;
  }
  count(r: CsvRecord, column: string): number | null | undefined {
    const raw = this.get(r, column).replace(/[\s\u00a0]/g, "");
    if (raw === "") return null;
    if (!/^\d+$/.test(raw)) return this.error(r, column, `”${raw}” är inget heltal.`), undefined;
    return Number(raw);
  }
}

const fold = (s: string) => s.trim().toLocaleLowerCase("sv-SE");
const KOMMUN_NAMES = new Set(["kommun", "kommunen", "hela kommunen"]);
const RIKET_NAMES = new Set(["riket", "hela riket", "sverige"]);

function readTemplate(rawNames: string[], records: CsvRecord[], ctx: ImportContext): Read {
  const names = rawNames.map((n) => TEMPLATE_COLUMNS[n] ?? n);
  const missing = ["indikator", "ar", "varde"].filter((c) => !names.includes(c));
  if (!names.includes("enhet") && !names.includes("enhet_id")) missing.splice(1, 0, "enhet");
  if (missing.length > 0) {
    const list = missing.map((c) => `”${COLUMN_LABELS[c]}”`).join(", ");
    return { ok: false, message: `Rubrikraden (rad 1) saknar ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ${list}. Se mallen på sidan.`, details: [] };
  }
  const errors: string[] = [];
  const read = new RowReader(names, COLUMN_LABELS, errors);
  const byIndicator = new Map<string, ImportContext["indicators"][number]>();
  for (const i of ctx.indicators) for (const k of [i.key, i.name, i.koladaKpi]) if (k) byIndicator.set(fold(k), i);
  // Unit names are unique only within an area: keep every unit of a name, and let readPlace choose or refuse.
  const unitByName = new Map<string, ImportContext["units"]>();
  for (const u of ctx.units) unitByName.set(fold(u.name), [...(unitByName.get(fold(u.name)) ?? []), u]);
  const unitById = new Map(ctx.units.map((u) => [u.id, u]));
  const rows: ParsedResult[] = [];
  let suppressed = 0;
  for (const r of records) {
    const indicatorRaw = read.get(r, "indikator");
    const indicator = byIndicator.get(fold(indicatorRaw));
    if (!indicator) read.error(r, "indikator", indicatorRaw ? `okänd indikator ”${indicatorRaw}”. Kända: ${ctx.indicators.map((i) => i.key).join(", ")}.` : "indikatorn saknas.");
    const place = readPlace(r, read, unitByName, unitById);
    const year = read.year(r, "ar");
    let value = read.percent(r, "varde", "värdet");
    const respondents = read.count(r, "antal_svar");
    const responseRate = read.percent(r, "svarsfrekvens", "svarsfrekvensen");
    if (!indicator || !place || year === null || value === undefined || respondents === undefined || responseRate === undefined) continue;
    if (value !== null && respondents !== null && respondents < MIN_RESPONDENTS) {
      value = null;
      suppressed++;
    }
    rows.push({ line: r.line, indicatorId: indicator.id, indicatorName: indicator.name, year, ...place, value, respondents, responseRate });
  }
  if (errors.length > 0) return failure(errors) as Read;
  const notes = suppressed > 0 ? [`${plural(suppressed, "värde", "värden")} bygger på färre än ${MIN_RESPONDENTS} svar och sparas som ”för få svar”.`] : [];
  return { ok: true, rows, notes };
}

type Place = { level: ResultLevel; unitId: string | null; levelKey: string; placeName: string };

function readPlace(r: CsvRecord, read: RowReader, byName: Map<string, ImportContext["units"]>, byId: Map<string, ImportContext["units"][number]>): Place | null {
  const id = read.get(r, "enhet_id");
  const name = read.get(r, "enhet");
  if (id) {
    const unit = byId.get(id);
    if (unit) return { level: "UNIT", unitId: unit.id, levelKey: unit.id, placeName: unit.name };
    read.error(r, "enhet_id", `ingen enhet har id ”${id}”.`);
    return null;
  }
  if (KOMMUN_NAMES.has(fold(name))) return { level: "KOMMUN", unitId: null, levelKey: "KOMMUN", placeName: "Kommunen" };
  if (RIKET_NAMES.has(fold(name))) return { level: "RIKET", unitId: null, levelKey: "RIKET", placeName: "Riket" };
  const named = byName.get(fold(name)) ?? [];
  const active = named.filter((u) => u.active);
  const candidates = active.length > 0 ? active : named;
  if (candidates.length > 1) {
    read.error(r, "enhet", `flera enheter heter ”${name}”; använd kolumnen enhet_id för att ange vilken som avses.`);
    return null;
  }
  const unit = candidates[0];
  if (unit) return { level: "UNIT", unitId: unit.id, levelKey: unit.id, placeName: unit.name };
  read.error(r, "enhet", name ? `okänd enhet ”${name}”. Skriv enhetens namn som i Årshjulet, ”Kommunen” eller ”Riket”.` : "enheten saknas.");
  return null;
}

function readKolada(names: string[], records: CsvRecord[], ctx: ImportContext): Read {
  const missing = ["kpi", "municipality", "period", "gender", "value"].filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, message: `Rubrikraden (rad 1) saknar Koladas ${missing.length === 1 ? "kolumn" : "kolumner"} ${missing.map((c) => `”${c}”`).join(", ")}.`, details: [] };
  const errors: string[] = [];
  const read = new RowReader(names, {}, errors);
  const byKpi = new Map(ctx.indicators.filter((i) => i.koladaKpi).map((i) => [i.koladaKpi!.toUpperCase(), i]));
  const rows: ParsedResult[] = [];
  const kommunCodes = new Set<string>();
  let skippedGender = 0;
  for (const r of records) {
    const gender = read.get(r, "gender").toUpperCase();
    if (gender === "K" || gender === "M") {
      skippedGender++;
      continue;
    }
    if (gender !== "T") read.error(r, "gender", `”${gender}” är inget kön i Kolada; bara T (totalt) importeras.`);
    if (read.get(r, "ou")) read.error(r, "ou", "resultat per utförare (ou) kan inte kopplas till en enhet här; importera enheternas resultat med mallen.");
    const kpi = read.get(r, "kpi");
    const indicator = byKpi.get(kpi.toUpperCase());
    if (!indicator) read.error(r, "kpi", `inget nyckeltal ”${kpi}” är kopplat till en indikator. Kopplade: ${[...byKpi.keys()].join(", ") || "inga"}.`);
    const code = read.get(r, "municipality");
    if (!/^\d{4}$/.test(code)) read.error(r, "municipality", `”${code}” är ingen kommunkod (fyra siffror, ${KOLADA_RIKET} för riket).`);
    else if (code !== KOLADA_RIKET) kommunCodes.add(code);
    const year = read.year(r, "period");
    const value = read.percent(r, "value", "värdet");
    if (!indicator || !/^\d{4}$/.test(code) || year === null || value === undefined || gender !== "T") continue;
    const riket = code === KOLADA_RIKET;
    rows.push({
      line: r.line, indicatorId: indicator.id, indicatorName: indicator.name, year,
      level: riket ? "RIKET" : "KOMMUN", unitId: null, levelKey: riket ? "RIKET" : "KOMMUN", placeName: riket ? "Riket" : `Kommunen (${code})`,
      value, respondents: null, responseRate: null,
    });
  }
  if (kommunCodes.size > 1) errors.push(`Filen innehåller flera kommuner (${[...kommunCodes].join(", ")}). Ta bara med er egen kommun och riket (${KOLADA_RIKET}).`);
  if (errors.length > 0) return failure(errors) as Read;
  if (rows.length === 0) return { ok: false, message: "Filen innehåller inga rader för totalt (gender T): det finns inget att importera.", details: [] };
  const notes = skippedGender > 0 ? [`${plural(skippedGender, "rad", "rader")} för kvinnor eller män (K/M) hoppas över; bara totalen (T) importeras.`] : [];
  return { ok: true, rows, notes };
}

function findDuplicates(rows: ParsedResult[]): string[] {
  const seen = new Map<string, ParsedResult>();
  const errors: string[] = [];
  for (const row of rows) {
    const key = `${row.indicatorId}|${row.year}|${row.levelKey}`;
    const first = seen.get(key);
    if (first) errors.push(`Rad ${row.line} är en dubblett av rad ${first.line} (${row.indicatorName}, ${row.placeName}, ${row.year}).`);
    else seen.set(key, row);
  }
  return errors;
}
