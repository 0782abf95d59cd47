import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { csvCell, toCsv } from "@/lib/letters/csv";
import { letterState } from "@/lib/letters/queries";
import { MAX_LETTER_COUNT, recordLetterSchema } from "@/lib/letters/schemas";

const valid = { unitId: "u1", year: "2026", letterNumber: "1", sentOn: "2026-02-12", count: "84", method: "POST" };
const errorsOf = (over: Record<string, unknown>) => {
  const result = recordLetterSchema.safeParse({ ...valid, ...over });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("brukarbrev validation", () => {
  it("accepts a complete record and turns form text into numbers", () => {
    const parsed = recordLetterSchema.parse(valid);
    expect(parsed).toEqual({ unitId: "u1", year: 2026, letterNumber: 1, sentOn: "2026-02-12", count: 84, method: "POST" });
  });

  it.each([
    [{ count: "0" }, "count", "Antalet ska vara minst 1."],
    [{ count: "-3" }, "count", "Antalet ska vara minst 1."],
    [{ count: "2,5" }, "count", "Ange antalet brev med siffror."],
    [{ count: "12.5" }, "count", "Antalet ska vara ett heltal."],
    [{ count: String(MAX_LETTER_COUNT + 1) }, "count", `Antalet kan inte vara större än ${MAX_LETTER_COUNT}; kontrollera siffran.`],
    [{ count: "" }, "count", "Ange antalet brev med siffror."],
    [{ count: "många" }, "count", "Ange antalet brev med siffror."],
    [{ count: "0x10" }, "count", "Ange antalet brev med siffror."],
    [{ count: "1e3" }, "count", "Ange antalet brev med siffror."],
    [{ count: "+5" }, "count", "Ange antalet brev med siffror."],
    [{ letterNumber: "5" }, "letterNumber", "Brukarbreven är numrerade 1–4."],
    [{ letterNumber: "0" }, "letterNumber", "Brukarbreven är numrerade 1–4."],
    [{ sentOn: "12/2/2026" }, "sentOn", "Datumet ska skrivas ÅÅÅÅ-MM-DD."],
    [{ sentOn: "2026-02-30" }, "sentOn", "Datumet finns inte i kalendern."],
    [{ sentOn: "" }, "sentOn", "Ange ett datum."],
    [{ sentOn: "   " }, "sentOn", "Ange ett datum."],
    [{ sentOn: undefined }, "sentOn", "Ange ett datum."],
    [{ method: "FAX" }, "method", "Välj hur breven skickades."],
    [{ method: "OTHER" }, "methodOther", "Beskriv hur breven skickades."],
    [{ note: "x".repeat(501) }, "note", "Anteckningen får vara högst 500 tecken."],
  ])("refuses %j with a Swedish message on %s", (over, field, message) => {
    expect(errorsOf(over)[field]).toBe(message);
  });

  it("needs no description for post or visits, but keeps one for another way", () => {
    expect(errorsOf({ method: "HANDED_OVER" })).toEqual({});
    expect(recordLetterSchema.parse({ ...valid, method: "OTHER", methodOther: " Via anhörig " }).methodOther).toBe("Via anhörig");
  });
});

describe("letter state", () => {
  const today = utcDate(2026, 11, 23);
  const due = utcDate(2026, 2, 28);
  it("is sent, or sent late when the record is after the due date", () => {
    expect(letterState({ status: "DONE", dueOn: due }, { sentOn: utcDate(2026, 2, 12) }, today)).toBe("sent");
    expect(letterState({ status: "DONE", dueOn: due }, { sentOn: utcDate(2026, 3, 2) }, today)).toBe("sent-late");
  });
  it("is missing after the due date without a record, planned before it", () => {
    expect(letterState({ status: "NOT_STARTED", dueOn: due }, null, today)).toBe("missing");
    expect(letterState({ status: "NOT_STARTED", dueOn: utcDate(2026, 11, 30) }, null, today)).toBe("planned");
    // Ej aktuell is neither planned nor missing, before or after its due date (issue 19, item 1).
    expect(letterState({ status: "NOT_APPLICABLE", dueOn: due }, null, today)).toBe("not-applicable");
    expect(letterState({ status: "NOT_APPLICABLE", dueOn: utcDate(2026, 11, 30) }, null, today)).toBe("not-applicable");
  });
});

describe("CSV for Swedish Excel", () => {
  it("starts with a BOM, separates with semicolons and ends rows with CRLF", () => {
    expect(toCsv([["Enhet", "Antal"], ["Lärkan", 84]])).toBe("\uFEFFEnhet;Antal\r\nLärkan;84\r\n");
  });
  it("quotes cells with separators, quotes and line breaks", () => {
    expect(csvCell("Post; bud")).toBe('"Post; bud"');
    expect(csvCell('Sa "hej"')).toBe('"Sa ""hej"""');
    expect(csvCell("rad 1\nrad 2")).toBe('"rad 1\nrad 2"');
    expect(csvCell(null)).toBe("");
  });
  it("stops Excel from running a cell as a formula", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("+46")).toBe("'+46");
  });
});
