import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { ACTION_BODY_LIMIT_BYTES, countCsvRows, fileProblem, formatBytes, limitsText, sizeProblem, textProblem } from "@/lib/uploads";
import { CASE_LIST_UPLOAD } from "@/lib/review/schemas";
import { RESULTS_UPLOAD } from "@/lib/results/schemas";
import { countRoutineActivities, ROUTINE_UPLOAD } from "@/lib/routines/schemas";
import { parseRoutineJson } from "@/lib/routines/import";
import { parseCaseList } from "@/lib/review/csv";
import { readResultsFile } from "@/lib/results/import";
import { loadSeedRoutine } from "@/prisma/seed/seed";

const KINDS = { "case list": CASE_LIST_UPLOAD, results: RESULTS_UPLOAD, routine: ROUTINE_UPLOAD };
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";
const areas = [{ id: "a1", name: "Område Norr" }];
const caseRows = (n: number) => Array.from({ length: n }, (_, i) => `ÄR-${i + 1};Norr;nej;nej;nej;nej`).join("\n");
const routineWith = (activities: number) => {
  const doc = loadSeedRoutine();
  return JSON.stringify({ ...doc, activities: Array.from({ length: activities }, (_, i) => ({ ...doc.activities[0], key: `a-${i}` })) });
};

describe("the stated limits", () => {
  it("states each kind's limits in the help text's words", () => {
    expect(limitsText(CASE_LIST_UPLOAD.limits)).toBe("Högst 500 kB och 5\u00a0000 rader");
    expect(limitsText(RESULTS_UPLOAD.limits)).toBe("Högst 1 MB och 10\u00a0000 rader");
    expect(limitsText(ROUTINE_UPLOAD.limits)).toBe("Högst 500 kB och 200 aktiviteter");
  });

  it("never calls a size just over the limit the limit", () => {
    expect(formatBytes(500_001)).toBe("501 kB");
    expect(formatBytes(1_000_001)).toBe("1,01 MB");
    expect(sizeProblem(CASE_LIST_UPLOAD.limits, 500_000)).toBeNull();
    expect(sizeProblem(CASE_LIST_UPLOAD.limits, 500_001)).toBe("Filen är för stor (501 kB). Högst 500 kB och 5\u00a0000 rader kan importeras. Inget har sparats.");
  });

  it.each(Object.entries(KINDS))("lets a %s file just over its limit through Next's action body limit, to get the Swedish refusal", (_kind, kind) => {
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(kind.limits.maxBytes * 1.2);
    expect(ACTION_BODY_LIMIT_BYTES).toBeLessThanOrEqual(4_000_000);
  });

  it("configures Next with that body limit", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
  });
});

describe("counts", () => {
  it("counts a CSV file's rows after the header as the browser sees them, and a routine's activities", () => {
    expect(countCsvRows(`${HEADER}\r\nÄR-1;Norr\r\n\r\nÄR-2;Norr\r\n`)).toBe(2);
    expect(countCsvRows("")).toBe(0);
    expect(countRoutineActivities(routineWith(3))).toBe(3);
    expect(countRoutineActivities("{ inte json")).toBe(0);
  });

  it("refuses a case list of 5 001 rows, and takes 5 000", () => {
    expect(parseCaseList(`${HEADER}\n${caseRows(5001)}\n`, areas)).toEqual({ ok: false, message: "Filen har 5\u00a0001 rader. Högst 500 kB och 5\u00a0000 rader kan importeras. Inget har sparats." });
    expect(parseCaseList(`${HEADER}\n${caseRows(5000)}\n`, areas).ok).toBe(true);
  });

  it("refuses a routine of 201 activities before validating them, and takes 200", () => {
    expect(parseRoutineJson(routineWith(201))).toEqual({ ok: false, message: "Filen har 201 aktiviteter. Högst 500 kB och 200 aktiviteter kan importeras. Inget har sparats.", problems: [] });
    expect(parseRoutineJson(routineWith(200)).ok).toBe(true);
  });

  it("refuses a results file of 10 001 rows", () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `Helhetsbedömning;Enhet ${i};2025;80`).join("\n");
    const ctx = { indicators: [], units: [] };
    expect(readResultsFile(new TextEncoder().encode(`indikator;enhet;år;värde\n${rows}\n`), ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/^Filen har 10\u00a0001 rader\. Högst 1 MB och 10\u00a0000 rader/) });
  });
});

describe("textProblem", () => {
  it("names the lines with a control character, never their text", () => {
    expect(textProblem("a;b\nc\u0000d;e\nf\u001bg")).toBe("Filen innehåller otillåtna tecken (styrtecken) på raderna 2 och 3. Ta bort dem, spara filen som vanlig text (UTF-8) och försök igen. Inget har sparats.");
    expect(textProblem("tab\tand\r\nlines\n")).toBeNull();
  });

  it("counts an escaped control character in JSON, but not an escaped line break or backslash", () => {
    expect(textProblem('{\n  "title": "a\\u0000b"\n}', { json: true })).toMatch(/styrtecken\) på rad 2\./);
    expect(textProblem('{ "t": "\\u001B" }', { json: true })).toMatch(/styrtecken/);
    expect(textProblem('{ "t": "rad 1\\nrad 2\\u000a\\u0009\\\\u0000" }', { json: true })).toBeNull();
    expect(textProblem('{ "t": "\\\\\\u0000" }', { json: true })).toMatch(/styrtecken/);
  });

  it("names the lines with a personnummer and says what the file may hold", () => {
    const message = textProblem("a\nb 19450101/1235\n450101_1235", { context: "Bara koder." });
    expect(message).toBe("Filen innehåller något som ser ut som ett personnummer eller samordningsnummer (raderna 2 och 3). Bara koder. Ta bort uppgiften och importera igen. Inget har sparats.");
    expect(message).not.toContain("1235");
  });

  it("checks a chosen file in the browser as the server does: size, then text, then count", async () => {
    expect(await fileProblem(CASE_LIST_UPLOAD, new Blob([new Uint8Array(600_000)]))).toMatch(/^Filen är för stor \(600 kB\)/);
    expect(await fileProblem(CASE_LIST_UPLOAD, new Blob([`${HEADER}\nÄR-1;Norr\u0000;nej\n`]))).toMatch(/styrtecken\) på rad 2/);
    expect(await fileProblem(CASE_LIST_UPLOAD, new Blob([`${HEADER}\n450101.1235;Norr;nej\n`]))).toMatch(/personnummer eller samordningsnummer \(rad 2\)\. Ärendelistan får bara/);
    expect(await fileProblem(CASE_LIST_UPLOAD, new Blob([`${HEADER}\n${caseRows(5001)}`]))).toMatch(/^Filen har 5\u00a0001 rader/);
    expect(await fileProblem(ROUTINE_UPLOAD, new Blob([routineWith(201)]))).toMatch(/^Filen har 201 aktiviteter/);
    expect(await fileProblem(CASE_LIST_UPLOAD, new Blob([`${HEADER}\n${caseRows(3)}`]))).toBeNull();
  });
});

// Issue 30: the probe of 6 December stored personnummer written with JSON escapes, across a quoted cell's line break,
// and through a key derived from a name. Checked on the values as stored, after every decoding.
describe("personnummer after decoding", () => {
  const routineTitled = (title: string) => {
    const doc = loadSeedRoutine();
    return JSON.stringify({ ...doc, activities: [{ ...doc.activities[0], description: "PLACEHOLDER" }] }).replace('"PLACEHOLDER"', title);
  };
  it.each([
    ["one digit escaped", String.raw`"Brukare \u00319450101-1235"`],
    ["every digit escaped", String.raw`"\u0031\u0039\u0034\u0035\u0030\u0031\u0030\u0031-\u0031\u0032\u0033\u0035"`],
    ["the hyphen escaped", String.raw`"19450101\u002d1235"`],
    ["an escaped line break", String.raw`"19450101\r\n1235"`],
    ["an escaped tab", String.raw`"19450101\t1235"`],
    ["a full-width digit escaped", String.raw`"\uff11\uff19450101-1235"`],
    ["a mathematical digit as a surrogate pair", String.raw`"\ud835\udfcf9450101-1235"`],
    ["an escaped slash", String.raw`"450101\/1235"`],
    ["upper-case hex", String.raw`"\u00319450101\u002D1235"`],
  ])("refuses a routine with %s", (_what, literal) => {
    const text = routineTitled(literal);
    expect(JSON.parse(text)).toBeTruthy();
    expect(textProblem(text, { json: true })).toMatch(/personnummer/);
    // The parsed document's values are checked too, whatever the raw text looks like.
    expect(parseRoutineJson(text)).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer/) });
  });

  it("refuses an escaped backslash before u0031 only when the decoded text holds a number", () => {
    expect(textProblem(routineTitled(String.raw`"\\u00319450101-1235"`), { json: true })).toBeNull();
  });

  it("refuses a quoted cell whose line break stands between the date and the last four", () => {
    const list = `${HEADER}\n"ÄR-1";Område Norr;nej;nej;nej;nej\n"ÄR-2 19450101\r\n1235";Område Norr;nej;nej;nej;nej\n`;
    expect(parseCaseList(list, areas)).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer.*rad 3/) });
  });

  it("refuses U+FFFE, U+FFFF and a lone surrogate like a control character, written or escaped", () => {
    expect(textProblem("a\uFFFFb")).toMatch(/styrtecken/);
    expect(textProblem("a\uFFFEb")).toMatch(/styrtecken/);
    expect(textProblem("a\uD800b")).toMatch(/styrtecken/);
    expect(textProblem(String.raw`{ "t": "\uffff" }`, { json: true })).toMatch(/styrtecken/);
    expect(textProblem(String.raw`{ "t": "\udc00" }`, { json: true })).toMatch(/styrtecken/);
    expect(textProblem("a\u{1F600}b")).toBeNull(); // a paired surrogate (an emoji) is a character like any other
  });
});

describe("slugify", () => {
  it("never derives a key that holds a personnummer (issue 30)", async () => {
    const { slugify } = await import("@/lib/slug");
    const { containsIdentityNumber } = await import("@/lib/personal-data");
    for (const name of ["19450101  1235", "19450101 ß 1235", "Brukare 19450101 — 1235", "19450101 ø 1235"]) expect(containsIdentityNumber(slugify(name))).toBe(false);
    expect(slugify("Brukarfika i maj")).toBe("brukarfika-i-maj");
  });
});
