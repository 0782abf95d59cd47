import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditSheet } from "@/lib/audit/export";
import { computeCoverage } from "@/lib/dashboard/coverage";
import { coverageSheets } from "@/lib/dashboard/export";
import { utcDate } from "@/lib/dates/cycle";
import { buildWorkbook, sheetName, stockholmWallClock, type Sheet } from "@/lib/export/xlsx";
import { compareUnit, type IndicatorLike, type ResultLike } from "@/lib/results/compare";
import { comparisonSheet } from "@/lib/results/export";
import { reviewSummarySheets } from "@/lib/review/export";
import { summariseReview } from "@/lib/review/summary";

const CREATED = new Date(Date.UTC(2026, 10, 23, 7, 30));

async function open(sheets: Sheet[]) {
  const bytes = await buildWorkbook(sheets, CREATED);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer);
  return workbook;
}
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe("the workbook helper", () => {
  const sheet: Sheet = {
    name: "Test: a/b [c]",
    columns: [
      { header: "Enhet", kind: "text" },
      { header: "Skickat", kind: "date" },
      { header: "Tidpunkt", kind: "datetime" },
      { header: "Antal", kind: "integer" },
      { header: "Andel", kind: "percent" },
      { header: "Skillnad (p.e.)", kind: "decimal" },
    ],
    rows: [
      ["Lärkan", utcDate(2026, 3, 31), new Date(Date.UTC(2026, 2, 31, 22, 30)), 64, 0.875, -1.5],
      ["=HYPERLINK(\"http://x\")", null, new Date(Date.UTC(2026, 0, 15, 23, 15)), null, null, null],
      ["+46 70", null, null, 0, 1, 0],
    ],
  };

  it("writes a frozen, bold Swedish header row with a filter, and widths from the content", async () => {
    const ws = (await open([sheet])).worksheets[0]!;
    expect(ws.name).toBe("Test  a b  c");
    expect(header(ws)).toEqual(["Enhet", "Skickat", "Tidpunkt", "Antal", "Andel", "Skillnad (p.e.)"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).font).toMatchObject({ bold: true });
    expect(ws.autoFilter).toBe("A1:F4");
    expect(ws.getColumn(1).width).toBe('=HYPERLINK("http://x")'.length + 1 + 2);
    expect(ws.getColumn(4).width).toBe(8);
    expect(ws.getColumn(6).width).toBe("Skillnad (p.e.)".length + 2);
  });

  it("writes calendar days as dates of that day, instants in Swedish time, shares as percent numbers", async () => {
    const ws = (await open([sheet])).worksheets[0]!;
    const day = ws.getCell("B2");
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect(day.numFmt).toBe("yyyy-mm-dd");
    expect((day.value as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    // 22:30 UTC on 31 March is 00:30 on 1 April in Sweden (summer time); 23:15 UTC on 15 January is 00:15 on the 16th.
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect((ws.getCell("C2").value as Date).toISOString()).toBe("2026-04-01T00:30:00.000Z");
    expect((ws.getCell("C3").value as Date).toISOString()).toBe("2026-01-16T00:15:00.000Z");
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("D2").value).toBe(64);
    expect(ws.getCell("E2").value).toBe(0.875);
    expect(ws.getCell("E2").numFmt).toBe("0.0%");
    expect(ws.getCell("F2").value).toBe(-1.5);
    expect(ws.getCell("F2").numFmt).toBe("0.0");
    expect(ws.getCell("D3").type).toBe(ExcelJS.ValueType.Null);
  });

  it("keeps text that looks like a formula as inert text, as the CSV downloads do", async () => {
    const ws = (await open([sheet])).worksheets[0]!;
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A3").value).toBe("'=HYPERLINK(\"http://x\")");
    expect(ws.getCell("A4").value).toBe("'+46 70");
  });

  it("drops what XML 1.0 cannot carry, so that the workbook stays readable (issue 30, H6)", async () => {
    const odd: Sheet = { name: "Blad\uFFFF", columns: [{ header: "Text\uFFFE", kind: "text" }], rows: [["a\uFFFFb\uFFFEc\uD800d\u0001e\u{1F600}"]] };
    const ws = (await open([odd])).worksheets[0]!;
    expect(ws.name).toBe("Blad");
    expect(header(ws)).toEqual(["Text"]);
    expect(ws.getCell("A2").value).toBe("abcde\u{1F600}");
  });

  it("turns an instant into Swedish wall-clock time across both daylight-saving changes", () => {
    expect(stockholmWallClock(new Date("2026-03-29T00:59:00Z")).toISOString()).toBe("2026-03-29T01:59:00.000Z");
    expect(stockholmWallClock(new Date("2026-03-29T01:00:00Z")).toISOString()).toBe("2026-03-29T03:00:00.000Z");
    expect(stockholmWallClock(new Date("2026-10-25T00:30:00Z")).toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(stockholmWallClock(new Date("2026-10-25T01:30:00Z")).toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
  });
});

describe("the workbooks of the pages", () => {
  it("the heat map: units × months as shares, empty where nothing is due, and the counts per month", async () => {
    const units = [{ id: "u1", name: "Lärkan", areaName: "Område Norr" }];
    const coverage = computeCoverage(
      units,
      [
        { unitId: "u1", dueOn: utcDate(2026, 3, 31), status: "DONE", count: 3 },
        { unitId: "u1", dueOn: utcDate(2026, 3, 31), status: "NOT_STARTED", count: 1 },
      ],
      2026,
      utcDate(2026, 11, 23),
    );
    const late = { id: "t1", title: "Brukarfika", unitId: "u1", unitName: "Lärkan", enhet: "u1", responsibleRole: "ENHETSCHEF" as const, dueOn: utcDate(2026, 3, 31), daysOverdue: 237 };
    const wb = await open(coverageSheets(2026, coverage, [late]));
    const [shares, cells, overdue] = wb.worksheets;
    expect(shares!.name).toBe("Andel per månad 2026");
    expect(header(shares!).slice(0, 5)).toEqual(["Område", "Enhet", "Januari", "Februari", "Mars"]);
    expect(shares!.getCell("E2").value).toBe(0.75);
    expect(shares!.getCell("E2").numFmt).toBe("0.0%");
    expect(shares!.getCell("C2").value).toBeNull();
    expect(header(cells!)).toEqual(["Område", "Enhet", "Månad", "Att göra", "Klara", "Ej aktuella", "Försenade", "Klara av dem som skulle vara klara i dag"]);
    expect((cells!.getRow(4).values as unknown[]).slice(1)).toEqual(["Område Norr", "Lärkan", "mars", 4, 3, 0, 1, 0.75]);
    expect(overdue!.name).toBe("Försenade");
    expect(header(overdue!)).toEqual(["Uppgift", "Enhet", "Ansvarig", "Skulle vara klar", "Dagar försenad"]);
    expect((overdue!.getRow(2).values as unknown[]).slice(1)).toEqual(["Brukarfika", "Lärkan", "Enhetschef", utcDate(2026, 3, 31), 237]);
  });

  it("a unit's comparison: results as percentages, differences in points, and för få svar in words", async () => {
    const indicators: IndicatorLike[] = [
      { id: "hel", key: "helhetssyn", name: "Helhetssyn", higherIsBetter: true, position: 0 },
      { id: "kra", key: "krankt", name: "Kränkt bemötande", higherIsBetter: false, position: 1 },
    ];
    const r = (indicatorId: string, year: number, place: string, value: number | null): ResultLike => ({
      indicatorId, year, value, respondents: 20,
      level: place === "KOMMUN" || place === "RIKET" ? place : "UNIT",
      unitId: place === "KOMMUN" || place === "RIKET" ? null : place,
    });
    const rows = compareUnit(indicators, [r("hel", 2026, "A", 84.5), r("hel", 2026, "KOMMUN", 86), r("hel", 2025, "A", 80), r("kra", 2026, "A", null)], "A", 2026);
    const unit = { id: "A", name: "Lärkan", areaName: "Område Norr", organisationId: "o" };
    const ws = (await open([comparisonSheet({ unit, years: [2026], year: 2026, rows, respondents: 20, responseRate: null, fromKolada: false })])).worksheets[0]!;
    expect(header(ws).slice(0, 7)).toEqual(["Indikator", "Lägre är bättre", "Lärkan", "Antal svar", "Kommunen", "Riket", "2025"]);
    expect(ws.getCell("C2").value).toBe(0.845);
    expect(ws.getCell("C2").numFmt).toBe("0.0%");
    expect(ws.getCell("H2").value).toBe(-1.5);
    expect(ws.getCell("I2").value).toBe("sämre");
    expect(ws.getCell("K2").value).toBe(4.5);
    expect(ws.getCell("C3").value).toBe("för få svar");
    expect(ws.getCell("B3").value).toBe("ja");
  });

  it("the review summary: figures with shares, the draw as a time, and the earlier years", async () => {
    const summary = summariseReview(
      [
        { areaId: "n", state: "SAMPLED", exclusionReason: null, interview: { deviation: true, deviationCauses: ["NOT_PERFORMED"], handedOverOn: null, documentedInJournal: true, receivesGranted: "YES", plannedTogether: "YES", arrivesOnTime: "NO" } },
        { areaId: "n", state: "SAMPLED", exclusionReason: null, interview: { deviation: false, deviationCauses: [], handedOverOn: null, documentedInJournal: false, receivesGranted: "YES", plannedTogether: "PARTLY", arrivesOnTime: "YES" } },
      ],
      [{ id: "n", name: "Område Norr" }],
    );
    const wb = await open(reviewSummarySheets({ year: 2026, drawnAt: new Date(Date.UTC(2026, 1, 2, 9, 5)), sampleSizePerArea: 20, summarisedOn: null, summary, earlier: [{ year: 2025, summary }] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanfattning 2026", "Urvalet", "Orsaker", "Per område", "Svar", "Jämfört med tidigare år"]);
    const first = wb.worksheets[0]!;
    const deviating = first.getColumn(1).values.indexOf("Avvikande från beställningen");
    expect((first.getRow(deviating).values as unknown[]).slice(1)).toEqual(["Avvikande från beställningen", 1, 0.5]);
    expect(first.getRow(deviating).getCell(3).numFmt).toBe("0.0%");
    expect((wb.getWorksheet("Urvalet")!.getCell("C2").value as Date).toISOString()).toBe("2026-02-02T10:05:00.000Z");
    expect((wb.getWorksheet("Per område")!.getRow(2).values as unknown[]).slice(1)).toEqual(["Område Norr", 2, 2, 1, 0.5]);
    expect(wb.getWorksheet("Jämfört med tidigare år")!.getColumn(1).values.slice(2)).toEqual([2026, 2025]);
  });

  it("the audit log: Swedish time, the action in words, and before/after as JSON text", async () => {
    const entry = {
      id: "e1", at: new Date(Date.UTC(2026, 5, 1, 12, 0)), action: "task.status", actorId: "u", unitId: "l", entityType: "Task", entityId: "t1",
      before: { status: "TODO" }, after: { status: "DONE" }, actor: { name: "Eva Enhetschef" }, unitName: "Lärkan",
    } as unknown as Parameters<typeof auditSheet>[0][number];
    const ws = (await open([auditSheet([entry])])).worksheets[0]!;
    expect(header(ws)).toEqual(["Tidpunkt", "Händelse", "Av", "Enhet", "Typ", "Post-id", "Före", "Efter"]);
    expect((ws.getCell("A2").value as Date).toISOString()).toBe("2026-06-01T14:00:00.000Z");
    expect(ws.getCell("B2").value).toBe("Status ändrad");
    expect(ws.getCell("G2").value).toBe('{"status":"TODO"}');
    expect(ws.getColumn(7).width).toBe(60);
  });
});
