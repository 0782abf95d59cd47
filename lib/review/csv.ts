/**
 * Reading the case list of a review year: pseudonymous case references with their area and the attributes the
 * exclusion rules need. Pure, no database; tests/unit/review-csv.test.ts covers it.
 */
import { decodeUtf8, detectSeparator, readCsv } from "../results/csv.ts";
import { cellProblem, countProblem, textProblem } from "../uploads.ts";
import { containsIdentityNumber } from "../personal-data.ts";
import { CASE_LIST_UPLOAD } from "./schemas.ts";
import type { SamplingCase } from "./sampling.ts";

export const CASE_COLUMNS = ["arende", "omrade", "endast_trygghetslarm", "nyligen_avslutat", "demensdiagnos", "anhoriganstallning"] as const;
type Column = (typeof CASE_COLUMNS)[number];

export const CASE_LIST_TEMPLATE = `${CASE_COLUMNS.join(";")}\nÄR-2026-0001;Område Norr;nej;nej;nej;nej\n`;

/** A case of the list as the draw sees it (before it has an id), with the file's line number. */
export type ParsedCase = Omit<SamplingCase, "id"> & { line: number };
export type CaseListResult = { ok: true; cases: ParsedCase[] } | { ok: false; message: string; details?: string[] };

const MAX_PROBLEMS = 15;
const NOTHING_SAVED = "Inget har sparats.";
/** A pseudonymous code: letters, digits and - _ / . with at least one digit, so that a plain name is refused. */
const CASE_REF = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N}._/-]{0,39}$/u;

/** "Endast trygghetslarm" → "endast_trygghetslarm"; "Ärende" → "arende". */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const YES = new Set(["ja", "j", "x", "1", "sant", "true", "yes"]);
const NO = new Set(["nej", "n", "", "0", "falskt", "false", "no", "-"]);

function parseFlag(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : null;
}

const areaKey = (name: string) => normaliseHeader(name).replace(/^omrade_/, "");

/** Parses and checks a whole case list; on any problem nothing is returned but the problems (by line). */
export function parseCaseList(input: string | Uint8Array, areas: { id: string; name: string }[]): CaseListResult {
  let text: string;
  if (typeof input === "string") text = input.replace(/^\uFEFF/, "");
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return { ok: false, message: decoded.message };
    text = decoded.text;
  }
  if (text.trim() === "") return { ok: false, message: "Filen är tom." };

  // Checked first, on the raw lines, so no other message can quote a personnummer (or a control character) back.
  const refused = textProblem(text, CASE_LIST_UPLOAD);
  if (refused) return { ok: false, message: refused };

  const header = text.split(/\r?\n/, 1)[0]!;
  const separator = detectSeparator(header, (n) => (CASE_COLUMNS as readonly string[]).includes(normaliseHeader(n)));
  if (!separator) {
    return { ok: false, message: `Rad 1 ska vara rubrikraden: ${CASE_COLUMNS.join(";")}. ${NOTHING_SAVED}` };
  }
  const parsed = readCsv(text, separator);
  if (!parsed.ok) return { ok: false, message: `Ärendelistan har ett fel. ${NOTHING_SAVED}`, details: [parsed.message] };
  // Every cell as it will be stored (quotes undone, a quoted cell over several lines joined): lib/personal-data.ts.
  const identified = cellProblem(parsed.records, CASE_LIST_UPLOAD);
  if (identified) return { ok: false, message: identified };
  const [head, ...rows] = parsed.records;
  const index = new Map<string, number>();
  head!.fields.forEach((f, i) => index.set(normaliseHeader(f), i));
  const missing = CASE_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return { ok: false, message: `Rubrikraden saknar ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ${missing.join(", ")}. ${NOTHING_SAVED}` };
  }
  if (rows.length === 0) return { ok: false, message: `Filen har inga ärenden under rubrikraden. ${NOTHING_SAVED}` };
  const tooMany = countProblem(CASE_LIST_UPLOAD.limits, rows.length);
  if (tooMany) return { ok: false, message: tooMany };

  const areaByKey = new Map(areas.map((a) => [areaKey(a.name), a]));
  const firstLine = new Map<string, number>();
  const problems: string[] = [];
  const cases: ParsedCase[] = [];
  for (const { line, fields } of rows) {
    const cell = (c: Column) => fields[index.get(c)!] ?? "";
    const before = problems.length;
    const caseRef = cell("arende");
    if (caseRef === "") problems.push(`Rad ${line}: ärendereferensen saknas.`);
    else if (containsIdentityNumber(caseRef, { checkDigit: false })) {
      problems.push(`Rad ${line}: ärendereferensen ser ut som ett personnummer. Använd en pseudonym kod, t.ex. ÄR-2026-0012.`);
    } else if (!CASE_REF.test(caseRef)) {
      // The value is not repeated: it may be a name typed by mistake.
      problems.push(`Rad ${line}: ärendereferensen ska vara en pseudonym kod med minst en siffra, t.ex. ÄR-2026-0012 (bokstäver, siffror och - _ / . , högst 40 tecken).`);
    } else {
      const key = caseRef.toUpperCase();
      const earlier = firstLine.get(key);
      if (earlier !== undefined) problems.push(`Rad ${line}: ärendet ${caseRef} finns redan på rad ${earlier}.`);
      else firstLine.set(key, line);
    }
    const area = areaByKey.get(areaKey(cell("omrade")));
    if (!area) {
      problems.push(`Rad ${line}: området ”${cell("omrade").slice(0, 60)}” finns inte. Skriv något av: ${areas.map((a) => a.name).join(", ")}.`);
    }
    const flags = (["endast_trygghetslarm", "nyligen_avslutat", "demensdiagnos", "anhoriganstallning"] as const).map((c) => {
      const value = parseFlag(cell(c));
      if (value === null) problems.push(`Rad ${line}, kolumnen ${c}: skriv ja eller nej.`);
      return value ?? false;
    });
    if (problems.length === before) {
      cases.push({ line, caseRef, areaId: area!.id, onlySafetyAlarm: flags[0]!, recentlyClosed: flags[1]!, dementiaDiagnosis: flags[2]!, relativeEmployed: flags[3]! });
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`… och ${problems.length - MAX_PROBLEMS} fel till.`);
    return { ok: false, message: `Ärendelistan har ${problems.length === 1 ? "ett fel" : `${problems.length} fel`}. ${NOTHING_SAVED}`, details: shown };
  }
  return { ok: true, cases };
}
