import { describe, expect, it } from "vitest";
import { routineDocumentSchema, type RoutineDocument } from "@/lib/routines/schemas";
import { loadSeedRoutine } from "@/prisma/seed/seed";

const routine = loadSeedRoutine();
const byKey = (key: string) => routine.activities.find((a) => a.key === key)!;

describe("the seeded routine Brukarundersökning hemtjänst", () => {
  it("has the document's metadata", () => {
    expect(routine.title).toBe("Brukarundersökning hemtjänst");
    expect(routine.version).toMatchObject({
      decidedBy: "Verksamhetschef hemtjänst",
      decidedOn: "2025-12-09",
      documentOwner: "Verksamhetsutvecklare hemtjänst",
      validUntil: null,
      replacesText: "Nytt",
    });
  });

  it("has the five phases in order", () => {
    expect(routine.phases.map((p) => p.name)).toEqual([
      "Inför",
      "Under pågående undersökning",
      "Efter undersökningen",
      "När resultatet kommer",
      "Uppföljning",
    ]);
  });

  it("places the activities in the months the document states", () => {
    const month = (key: string) => [byKey(key).startMonth, byKey(key).endMonth];
    expect(month("lg-genomgang-hemtjanst")).toEqual([12, 12]);
    expect(month("lg-genomgang-enhet")).toEqual([12, 12]);
    expect(month("apt-information")).toEqual([1, 1]);
    expect(month("workshop-januari")).toEqual([1, 1]);
    expect(month("brukarbrev-1")).toEqual([2, 2]);
    expect(month("brukarfika-februari")).toEqual([2, 2]);
    expect(month("information-webbplats")).toEqual([2, 2]);
    expect(month("brukarfika-varen")).toEqual([4, 5]);
    expect(month("brukarbrev-2")).toEqual([6, 6]);
    expect(month("brukarfika-november")).toEqual([11, 11]);
    expect(month("workshop-november")).toEqual([11, 11]);
  });

  it("has brukarbrev 1–4, each owned by the koordinator with its template", () => {
    const letters = routine.activities.filter((a) => a.kind === "LETTER");
    expect(letters.map((a) => a.letterNumber).sort()).toEqual([1, 2, 3, 4]);
    for (const letter of letters) {
      expect(letter.responsibleRole).toBe("KOORDINATOR");
      expect(letter.templateRef).toMatch(/kvalitet\/brukarundersökning/);
    }
  });

  it("names the roles the document gives", () => {
    expect(byKey("brukarmapp-information").responsibleRole).toBe("KOORDINATOR");
    expect(byKey("brukarlista").responsibleRole).toBe("KOORDINATOR");
    expect(byKey("koordinator-samtal").responsibleRole).toBe("KOORDINATOR");
    expect(byKey("lyfta-fragan-kontinuerligt").responsibleRole).toBe("ENHETSCHEF");
    expect(byKey("arshjul-planerat").responsibleRole).toBe("VERKSAMHETSCHEF");
    expect(byKey("information-webbplats").responsibleRole).toBe("KOMMUNIKATOR");
  });

  it("plans every activity with a month and a role", () => {
    for (const a of routine.activities) {
      expect(a.startMonth, a.key).not.toBeNull();
      expect(a.responsibleRole, a.key).not.toBeNull();
    }
  });
});

describe("routineDocumentSchema refuses bad input", () => {
  const valid = (): RoutineDocument => structuredClone(routine);
  const firstError = (doc: unknown) => {
    const result = routineDocumentSchema.safeParse(doc);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it("accepts the seed", () => expect(firstError(valid())).toBeNull());

  it("refuses a short name longer than 30 characters, in Swedish", () => {
    const doc = valid();
    doc.activities[0]!.shortName = "Genomgång av rutinen i enhetens ledningsgrupp";
    expect(firstError(doc)).toBe("Kortnamnet får vara högst 30 tecken.");
    doc.activities[0]!.shortName = "Genomgång i enhetens LG";
    expect(firstError(doc)).toBeNull();
  });

  it("refuses a month outside 1–12", () => {
    const doc = valid();
    doc.activities[0]!.startMonth = 13;
    expect(firstError(doc)).toBe("Månaden måste vara 1–12.");
  });

  it("refuses a span that ends before it starts", () => {
    const doc = valid();
    Object.assign(doc.activities[0]!, { timing: "SPAN", startMonth: 5, endMonth: 3 });
    expect(firstError(doc)).toBe("Perioden slutar före den börjar.");
  });

  it("refuses a phase that does not exist", () => {
    const doc = valid();
    doc.activities[0]!.phase = "sommar";
    expect(firstError(doc)).toBe('Fasen "sommar" finns inte i rutinen.');
  });

  it("refuses an unknown role", () => {
    const doc = valid() as unknown as { activities: { responsibleRole: string }[] };
    doc.activities[0]!.responsibleRole = "BRANDCHEF";
    expect(firstError(doc)).toBe("Okänd ansvarig roll.");
  });

  it("refuses a letter without a number and a duplicate key", () => {
    const doc = valid();
    delete byKeyIn(doc, "brukarbrev-2").letterNumber;
    expect(firstError(doc)).toBe("Brukarbrev (och bara de) har ett nummer 1–4.");
    const dup = valid();
    dup.activities[1]!.key = dup.activities[0]!.key;
    expect(firstError(dup)).toMatch(/används två gånger/);
  });
});

function byKeyIn(doc: RoutineDocument, key: string) {
  return doc.activities.find((a) => a.key === key)!;
}
