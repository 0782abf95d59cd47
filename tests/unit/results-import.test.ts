import { describe, expect, it } from "vitest";
import { columnLetter, decodeUtf8, detectSeparator, parseCsv, parseDecimal } from "@/lib/results/csv";
import { readResultsFile, type ImportContext } from "@/lib/results/import";

const ctx: ImportContext = {
  indicators: [
    { id: "i-hel", key: "helhetssyn", name: "Helhetssyn", koladaKpi: "U21468" },
    { id: "i-try", key: "trygghet", name: "Trygghet", koladaKpi: null },
  ],
  units: [
    { id: "u-lark", name: "Lärkan", active: true },
    { id: "u-tall", name: "Tallbacken", active: true },
  ],
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readResultsFile(utf8(text), ctx);

describe("CSV basics", () => {
  it("parses quoted fields with separators, doubled quotes and line breaks", () => {
    expect(parseCsv('a;"b;c";"sa ""hej""\nrad"\r\n1;2;3\n\n', ";")).toEqual([
      { line: 1, fields: ["a", "b;c", 'sa "hej"\nrad'] },
      { line: 3, fields: ["1", "2", "3"] },
    ]);
  });

  it("reads Swedish and English decimals and refuses text", () => {
    expect(parseDecimal("87,5")).toBe(87.5);
    expect(parseDecimal("87.5")).toBe(87.5);
    expect(parseDecimal("87,5 %")).toBe(87.5);
    expect(parseDecimal("1 234,5")).toBe(1234.5);
    expect(parseDecimal("åttio")).toBeNull();
    expect(parseDecimal("8,7,5")).toBeNull();
  });

  it("detects the separator from the known column names", () => {
    const known = (n: string) => ["indikator", "enhet", "år", "värde"].includes(n.toLowerCase());
    expect(detectSeparator("indikator;enhet;år;värde", known)).toBe(";");
    expect(detectSeparator("indikator,enhet,år,värde", known)).toBe(",");
    expect(detectSeparator("indikator\tenhet\tår\tvärde", known)).toBe("\t");
    expect(detectSeparator("indikator|enhet|år|värde", known)).toBeNull();
  });

  it("accepts UTF-8 with and without BOM and refuses Windows-1252 and UTF-16", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Lärkan")]))).toEqual({ ok: true, text: "Lärkan" });
    expect(decodeUtf8(utf8("Lärkan"))).toEqual({ ok: true, text: "Lärkan" });
    const latin1 = decodeUtf8(new Uint8Array([...utf8("a;b\nL"), 0xe4, ...utf8("rkan")]));
    expect(latin1.ok).toBe(false);
    expect(!latin1.ok && latin1.message).toMatch(/inte sparad som UTF-8 \(rad 2/);
    const utf16 = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    expect(!utf16.ok && utf16.message).toMatch(/UTF-16/);
  });

  it("names columns as Excel does", () => {
    expect([1, 4, 26, 27].map(columnLetter)).toEqual(["A", "D", "Z", "AA"]);
  });
});

describe("the simple template", () => {
  it("reads units, kommun and riket with decimal commas, BOM and the 7-answer rule", () => {
    const text = "\uFEFFIndikator;Enhet;År;Värde;Antal svar;Svarsfrekvens\nhelhetssyn;Lärkan;2026;87,5;32;58,2\nTrygghet;tallbacken;2026;90;5;40\nhelhetssyn;Kommunen;2026;85;1400;57\nhelhetssyn;Riket;2026;*;;\n";
    const result = read(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("mall");
    expect(result.rows.map((r) => [r.line, r.indicatorId, r.level, r.levelKey, r.value, r.respondents, r.responseRate])).toEqual([
      [2, "i-hel", "UNIT", "u-lark", 87.5, 32, 58.2],
      [3, "i-try", "UNIT", "u-tall", null, 5, 40],
      [4, "i-hel", "KOMMUN", "KOMMUN", 85, 1400, 57],
      [5, "i-hel", "RIKET", "RIKET", null, null, null],
    ]);
    expect(result.notes[0]).toMatch(/färre än 7 svar/);
  });

  it("accepts a comma-separated file with quoted decimal commas, and a unit id column", () => {
    const result = read('indikator,enhet_id,år,värde\nhelhetssyn,u-lark,2025,"81,5"\n');
    expect(result.ok && result.rows[0]).toMatchObject({ unitId: "u-lark", value: 81.5, year: 2025 });
  });

  it("names line and column of every bad cell and returns no rows", () => {
    const result = read("indikator;enhet;år;värde\nnöjdhet;Lärkan;2026;80\nhelhetssyn;Okänd;2026;80\nhelhetssyn;Lärkan;26;80\nhelhetssyn;Tallbacken;2026;101\ntrygghet;Lärkan;2026;mycket\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/5 fel\. Inget har importerats/);
    expect(result.details).toEqual([
      expect.stringMatching(/^Rad 2, kolumn A \(indikator\): okänd indikator ”nöjdhet”/),
      expect.stringMatching(/^Rad 3, kolumn B \(enhet\): okänd enhet ”Okänd”/),
      expect.stringMatching(/^Rad 4, kolumn C \(år\): ”26” är inget år/),
      "Rad 5, kolumn D (värde): värdet 101 ligger utanför 0–100.",
      expect.stringMatching(/^Rad 6, kolumn D \(värde\): ”mycket” är inget tal/),
    ]);
  });

  it("refuses duplicate rows, naming both lines", () => {
    const result = read("indikator;enhet;år;värde\nhelhetssyn;Lärkan;2026;80\nHelhetssyn;lärkan;2026;81\n");
    expect(!result.ok && result.details).toEqual(["Rad 3 är en dubblett av rad 2 (Helhetssyn, Lärkan, 2026)."]);
  });

  it("refuses a wrong separator, a missing column, an empty file and a header-only file", () => {
    const pipe = read("indikator|enhet|år|värde\nhelhetssyn|Lärkan|2026|80\n");
    expect(!pipe.ok && pipe.message).toMatch(/semikolon, komma eller tabb/);
    const commaDecimals = read("indikator,enhet,år,värde\nhelhetssyn,Lärkan,2026,87,5\n");
    expect(!commaDecimals.ok && commaDecimals.details[0]).toMatch(/Rad 2 har 5 kolumner men rubrikraden har 4.*citattecken/);
    const missing = read("indikator;enhet;år\nhelhetssyn;Lärkan;2026\n");
    expect(!missing.ok && missing.message).toMatch(/saknar kolumnen ”värde”/);
    expect(readResultsFile(new Uint8Array(), ctx)).toMatchObject({ ok: false, message: "Filen är tom." });
    expect(read("\n\n")).toMatchObject({ ok: false, message: "Filen är tom." });
    expect(read("indikator;enhet;år;värde\n")).toMatchObject({ ok: false, message: expect.stringMatching(/bara rubrikraden/) });
  });

  it("refuses a file larger than the limit before reading it, never calling the size the limit", () => {
    const big = new Uint8Array(50_000_000);
    expect(readResultsFile(big, ctx)).toMatchObject({ ok: false, message: "Filen är för stor (50 MB). Högst 1 MB och 10\u00a0000 rader kan importeras. Inget har sparats." });
    expect(readResultsFile(new Uint8Array(1_040_000), ctx)).toMatchObject({ ok: false, message: "Filen är för stor (1,04 MB). Högst 1 MB och 10\u00a0000 rader kan importeras. Inget har sparats." });
    expect(readResultsFile(new Uint8Array(1_000_001), ctx)).toMatchObject({ ok: false, message: "Filen är för stor (1,01 MB). Högst 1 MB och 10\u00a0000 rader kan importeras. Inget har sparats." });
  });

  it("matches a unit name to the active unit, and refuses a name that several units share", () => {
    const shared: ImportContext = {
      ...ctx,
      units: [
        { id: "u-old", name: "Hagen", active: false },
        { id: "u-hagen", name: "Hagen", active: true },
        { id: "u-ek-norr", name: "Eken", active: true },
        { id: "u-ek-soder", name: "Eken", active: true },
        { id: "u-closed", name: "Stängda", active: false },
      ],
    };
    const ok = readResultsFile(utf8("indikator;enhet;år;värde\nhelhetssyn;Hagen;2026;80\nhelhetssyn;Stängda;2026;80\n"), shared);
    expect(ok.ok && ok.rows.map((r) => r.unitId)).toEqual(["u-hagen", "u-closed"]);
    const twice = readResultsFile(utf8("indikator;enhet;år;värde\nhelhetssyn;eken;2026;80\n"), shared);
    expect(!twice.ok && twice.details).toEqual(["Rad 2, kolumn B (enhet): flera enheter heter ”eken”; använd kolumnen enhet_id för att ange vilken som avses."]);
    const byId = readResultsFile(utf8("indikator;enhet_id;år;värde\nhelhetssyn;u-ek-soder;2026;80\n"), shared);
    expect(byId.ok && byId.rows[0]!.unitId).toBe("u-ek-soder");
  });

  it("writes counts of one in the singular", () => {
    const oneColumn = read("indikator;enhet;år;värde\nhelhetssyn\n");
    expect(!oneColumn.ok && oneColumn.details[0]).toMatch(/^Rad 2 har 1 kolumn men rubrikraden har 4\./);
    const oneSmall = read("indikator;enhet;år;värde;antal_svar\nhelhetssyn;Lärkan;2026;80;5\n");
    expect(oneSmall.ok && oneSmall.notes).toEqual(["1 värde bygger på färre än 7 svar och sparas som ”för få svar”."]);
    const oneGender = read("kpi;municipality;period;gender;value\nU21468;1480;2025;T;84,5\nU21468;1480;2025;K;86\n");
    expect(oneGender.ok && oneGender.notes).toEqual(["1 rad för kvinnor eller män (K/M) hoppas över; bara totalen (T) importeras."]);
  });
});

describe("Kolada's layout", () => {
  it("maps the municipality to the kommun, 0000 to the riket, and keeps only gender T", () => {
    const text = "kpi;municipality;period;gender;value\nU21468;1480;2025;T;84,5\nU21468;1480;2025;K;86\nU21468;1480;2025;M;82\nU21468;0000;2025;T;87.1\nU21468;0000;2024;T;\n";
    const result = read(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("kolada");
    expect(result.rows.map((r) => [r.line, r.level, r.year, r.value])).toEqual([
      [2, "KOMMUN", 2025, 84.5],
      [5, "RIKET", 2025, 87.1],
      [6, "RIKET", 2024, null],
    ]);
    expect(result.notes[0]).toMatch(/2 rader för kvinnor eller män/);
  });

  it("refuses unknown KPIs, several kommuner and bad codes with line and column", () => {
    const result = read("kpi,municipality,period,gender,value\nU99999,1480,2025,T,80\nU21468,0180,2025,T,80\nU21468,1480,2025,T,80\nU21468,14,2025,T,80\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details).toEqual([
      expect.stringMatching(/^Rad 2, kolumn A \(kpi\): inget nyckeltal ”U99999”/),
      expect.stringMatching(/^Rad 5, kolumn B \(municipality\): ”14” är ingen kommunkod/),
      expect.stringMatching(/flera kommuner \(1480, 0180\)/),
    ]);
  });
});
