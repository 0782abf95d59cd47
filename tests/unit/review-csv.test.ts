import { describe, expect, it } from "vitest";
import { parseCaseList } from "@/lib/review/csv";
import { interviewSchema } from "@/lib/review/schemas";

const areas = [
  { id: "a1", name: "Område Norr" },
  { id: "a2", name: "Område Söder" },
];
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";

describe("parseCaseList", () => {
  it("reads cases with area names with or without 'Område', flags ja/nej/x/empty, any separator", () => {
    const result = parseCaseList(`${HEADER}\nÄR-2026-0001;Område Norr;ja;nej;;\nÄR-2026-0002;söder;nej;nej;x;nej\n`, areas);
    expect(result).toEqual({
      ok: true,
      cases: [
        { line: 2, caseRef: "ÄR-2026-0001", areaId: "a1", onlySafetyAlarm: true, recentlyClosed: false, dementiaDiagnosis: false, relativeEmployed: false },
        { line: 3, caseRef: "ÄR-2026-0002", areaId: "a2", onlySafetyAlarm: false, recentlyClosed: false, dementiaDiagnosis: true, relativeEmployed: false },
      ],
    });
    expect(parseCaseList(`${HEADER.replaceAll(";", ",")}\nÄR-1,Norr,nej,nej,nej,nej`, areas).ok).toBe(true);
  });

  it("refuses a file with a personnummer, naming the line but never the number", () => {
    const result = parseCaseList(`${HEADER}\nÄR-2026-0001;Norr;nej;nej;nej;nej\n19450312-1230;Norr;nej;nej;nej;nej\n`, areas);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/personnummer eller samordningsnummer \(rad 3\)/);
    expect(result.message).toMatch(/Inget har sparats/);
    expect(JSON.stringify(result)).not.toContain("1230");
  });

  it.each(["19450101/1235", "19450101_1235", "450101.1235", "450101-1235", "4501011235", "450161-1232", "ÄR-450101+1235"])("refuses %s as a case reference, naming only the line", (ref) => {
    const result = parseCaseList(`${HEADER}\nÄR-2026-0001;Norr;nej;nej;nej;nej\n${ref};Norr;nej;nej;nej;nej\n`, areas);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer eller samordningsnummer \(rad 3\)/) });
    expect(JSON.stringify(result)).not.toContain(ref.slice(-4));
  });

  it("refuses a reference shaped like a personnummer even with a wrong check digit, but not one with no such date", () => {
    const result = parseCaseList(`${HEADER}\n19450101/1234;Norr;nej;nej;nej;nej\nÄR-450101-1234;Norr;nej;nej;nej;nej\n451301.1231;Norr;nej;nej;nej;nej\n`, areas);
    expect(result).toMatchObject({ ok: false, details: ["Rad 2: ärendereferensen ser ut som ett personnummer. Använd en pseudonym kod, t.ex. ÄR-2026-0012.", expect.stringMatching(/^Rad 3: ärendereferensen ser ut som ett personnummer/)] });
    expect(JSON.stringify(result)).not.toContain("1234");
    expect(parseCaseList(`${HEADER}\n451301.1231;Norr;nej;nej;nej;nej\nÄR-2026-0001;Norr;nej;nej;nej;nej\n`, areas).ok).toBe(true);
  });

  it("refuses a duplicate case reference with both lines", () => {
    const result = parseCaseList(`${HEADER}\nÄR-1;Norr;nej;nej;nej;nej\när-1;Söder;nej;nej;nej;nej\n`, areas);
    expect(result).toMatchObject({ ok: false, details: ["Rad 3: ärendet är-1 finns redan på rad 2."] });
  });

  it("refuses names, unknown areas, bad flags and missing columns, and never echoes a refused reference", () => {
    const result = parseCaseList(`${HEADER}\nAnna Andersson;Norr;nej;nej;nej;nej\nÄR-2;Mitten;kanske;nej;nej;nej\n`, areas);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details).toHaveLength(3);
    expect(result.details![0]).toMatch(/^Rad 2: ärendereferensen ska vara en pseudonym kod/);
    expect(result.details![1]).toMatch(/^Rad 3: området ”Mitten” finns inte/);
    expect(result.details![2]).toBe("Rad 3, kolumnen endast_trygghetslarm: skriv ja eller nej.");
    expect(JSON.stringify(result)).not.toContain("Anna");
    expect(parseCaseList("arende;omrade\nÄR-1;Norr", areas)).toMatchObject({ ok: false, message: expect.stringMatching(/saknar kolumnerna endast_trygghetslarm/) });
    expect(parseCaseList("", areas)).toMatchObject({ ok: false, message: "Filen är tom." });
  });
});

describe("interviewSchema", () => {
  const base = { caseId: "c1", interviewedOn: "2026-03-10", receivesGranted: "YES", plannedTogether: "YES", arrivesOnTime: "PARTLY", deviation: "nej", documentedInJournal: "on" };
  it("accepts a plain interview", () => {
    expect(interviewSchema.safeParse(base)).toMatchObject({ success: true, data: { deviation: false, documentedInJournal: true, deviationCauses: [], version: 0 } });
  });
  it("needs a cause for a deviation, a text for 'annat', and a hand-over on or after the interview", () => {
    const r = interviewSchema.safeParse({ ...base, deviation: "ja", handedOverOn: "2026-03-01" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["deviationCauses", "handedOverOn"]));
    const other = interviewSchema.safeParse({ ...base, deviation: "ja", deviationCauses: ["OTHER"] });
    expect(other.error!.issues.map((i) => i.message)).toEqual(["Beskriv den andra orsaken."]);
  });
  it("refuses a personnummer in free text", () => {
    const r = interviewSchema.safeParse({ ...base, otherComments: "Brukaren 450312-1230 säger" });
    expect(r.error!.issues[0]!.message).toMatch(/personnummer/);
  });
});
