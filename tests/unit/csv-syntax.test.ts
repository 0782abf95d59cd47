import { describe, expect, it } from "vitest";
import { parseCsv, readCsv } from "@/lib/results/csv";
import { readResultsFile, type ImportContext } from "@/lib/results/import";
import { parseCaseList } from "@/lib/review/csv";

const ctx: ImportContext = { indicators: [{ id: "i-hel", key: "helhetssyn", name: "Helhetssyn", koladaKpi: "U21468" }], units: [{ id: "u-lark", name: "Lärkan", active: true }] };
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("CSV text that cannot be split", () => {
  it("names the line where a quote opens and never closes, past blank lines and CR, LF or CRLF line ends", () => {
    expect(readCsv('a;b\r\n1;2\r\n\r\n3;"4\r\n5;6\r\n', ";")).toEqual({ ok: false, message: expect.stringMatching(/^Rad 4: ett citattecken \("\) öppnas men stängs aldrig/) });
    expect(readCsv('a;b\r1;"2\r', ";")).toMatchObject({ ok: false, message: expect.stringMatching(/^Rad 2:/) });
  });

  it("names line and column of text after a closing quote", () => {
    expect(readCsv('a;b;c\n1;"2"x;3\n', ";")).toEqual({ ok: false, message: expect.stringMatching(/^Rad 2, kolumn B: efter ett avslutande citattecken/) });
  });

  it("counts the start line of a record after quoted line breaks of every kind", () => {
    expect(parseCsv('a;"x\ry\r\nz"\n\nb;c', ";")).toEqual([
      { line: 1, fields: ["a", "x\ny\nz"] },
      { line: 5, fields: ["b", "c"] },
    ]);
  });

  it("refuses such a results file and such a case list with the line, saving nothing", () => {
    const results = readResultsFile(utf8('indikator;enhet;år;värde\nhelhetssyn;"Lärkan;2026;80\n'), ctx);
    expect(results).toMatchObject({ ok: false, message: expect.stringMatching(/ett fel\. Inget har importerats/), details: [expect.stringMatching(/^Rad 2: ett citattecken/)] });
    const cases = parseCaseList('arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning\nÄR-1;"Norr"x;nej;nej;nej;nej\n', [{ id: "a1", name: "Område Norr" }]);
    expect(cases).toMatchObject({ ok: false, message: "Ärendelistan har ett fel. Inget har sparats.", details: [expect.stringMatching(/^Rad 2, kolumn B:/)] });
  });
});
