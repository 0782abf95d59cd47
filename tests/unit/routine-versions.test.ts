import { describe, expect, it } from "vitest";
import { toRoutineDocument, type VersionForDocument } from "@/lib/routines/export";
import { jsonErrorPosition, parseRoutineJson } from "@/lib/routines/import";
import { calendarDate } from "@/lib/dates/schemas";
import { parseActivityForm, publishSchema } from "@/lib/routines/schemas";
import { slugify } from "@/lib/slug";
import { currentDraft, editSource, nextVersionNumber } from "@/lib/routines/versions";
import { loadSeedRoutine } from "@/prisma/seed/seed";

const v = (version: number, status: "DRAFT" | "ACTIVE" | "ARCHIVED") => ({ id: `v${version}`, version, status });

describe("version lifecycle", () => {
  it("numbers a new version one above the highest, whatever the order", () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([v(2, "ACTIVE"), v(1, "ARCHIVED"), v(3, "ARCHIVED")])).toBe(4);
  });

  it("copies the active version for 'Redigera', else the newest published one, never a draft", () => {
    expect(editSource([v(1, "ARCHIVED"), v(2, "ACTIVE"), v(3, "DRAFT")])?.id).toBe("v2");
    expect(editSource([v(1, "ARCHIVED"), v(3, "ARCHIVED"), v(2, "ARCHIVED")])?.id).toBe("v3");
    expect(editSource([v(1, "DRAFT")])).toBeNull();
  });

  it("finds the open draft", () => {
    expect(currentDraft([v(1, "ACTIVE"), v(2, "DRAFT")])?.version).toBe(2);
    expect(currentDraft([v(1, "ACTIVE")])).toBeUndefined();
  });
});

describe("routine documents", () => {
  const seed = loadSeedRoutine();

  // A stored version built from the seed, as the database would hold it (phases by id, dates as Date).
  function storedFromSeed(): VersionForDocument {
    const phases = seed.phases.map((p, position) => ({ id: `fas-${p.key}`, key: p.key, name: p.name, position }));
    return {
      title: seed.title,
      decidedBy: seed.version.decidedBy,
      decidedOn: new Date(`${seed.version.decidedOn}T00:00:00Z`),
      documentOwner: seed.version.documentOwner,
      validUntil: null,
      replacesText: seed.version.replacesText,
      purpose: seed.version.purpose,
      routine: { key: seed.key, colour: seed.colour, startMonth: seed.startMonth ?? 1 },
      phases: [...phases].reverse(),
      activities: seed.activities
        .map((a, position) => ({
          ...a,
          phaseId: `fas-${a.phase}`,
          position,
          description: a.description ?? null,
          letterNumber: a.letterNumber ?? null,
          templateRef: a.templateRef ?? null,
          note: a.note ?? null,
        }))
        .reverse(),
    };
  }

  it("exports a stored version as exactly the document it was made from, in document order", () => {
    expect(toRoutineDocument(storedFromSeed())).toEqual(seed);
  });

  it("reads an export back unchanged", () => {
    expect(parseRoutineJson(JSON.stringify(toRoutineDocument(storedFromSeed()), null, 2))).toEqual({ ok: true, document: seed });
  });

  it("says on which line malformed JSON breaks", () => {
    expect(jsonErrorPosition('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorPosition('{"a": "ok", "b": [true, null, -1.5e3]}')).toBeNull();
    expect(parseRoutineJson('{\n  "key": "x",\n  "title": "y"\n  "phases": []\n}')).toMatchObject({ ok: false, message: "Texten är inte giltig JSON: fel på rad 4, tecken 3." });
    expect(parseRoutineJson("   ")).toMatchObject({ ok: false, message: expect.stringMatching(/^Det finns ingen text att importera/) });
  });

  it("names the place of every problem in Swedish, and accepts missing metadata as unknown", () => {
    const doc = structuredClone(seed) as unknown as Record<string, unknown> & { activities: Record<string, unknown>[]; version?: unknown };
    delete doc.version;
    doc.activities[1]!.timing = "WEEKLY";
    doc.activities[4]!.scope = "KOMMUN";
    const result = parseRoutineJson(JSON.stringify(doc));
    expect(result).toMatchObject({ ok: false, message: "Rutinen kunde inte läsas in: 2 fel. Inget har sparats." });
    expect(!result.ok && result.problems).toEqual([
      "Aktivitet 2 (brukarmapp-information), tidpunkt: Tidpunkten måste vara MONTH, SPAN eller CONTINUOUS.",
      "Aktivitet 5 (planera-i-planeringsverktyget), gäller: Okänd omfattning.",
    ]);
    expect(parseRoutineJson(JSON.stringify({ ...seed, format: "annat" }))).toMatchObject({ ok: false, problems: ["Format: Okänt filformat: förväntade arshjulet-rutin/1."] });
  });
});

describe("the activity form", () => {
  const form = (over: Record<string, string> = {}) => ({
    title: "Brukarfika i maj", phase: "under", responsibleRole: "", timing: "MONTH", startMonth: "5", endMonth: "",
    scope: "UNIT", kind: "USER_CAFE", letterNumber: "", description: "", templateRef: "", note: "", key: "", ...over,
  });

  it("derives the key from the title and treats an empty end month of a single month as the start month", () => {
    const parsed = parseActivityForm(form());
    expect(parsed).toMatchObject({ success: true, generatedKey: true, data: { key: "brukarfika-i-maj", startMonth: 5, endMonth: 5, responsibleRole: null } });
    expect(parsed.success && parsed.data.description).toBeUndefined();
  });

  it("ignores a letter number on anything but a letter, and requires one on a letter", () => {
    expect(parseActivityForm(form({ letterNumber: "2" }))).toMatchObject({ success: true, data: { letterNumber: undefined } });
    expect(parseActivityForm(form({ kind: "LETTER" }))).toMatchObject({ success: false, errors: { letterNumber: ["Brukarbrev (och bara de) har ett nummer 1–4."] } });
  });

  it("refuses bad months, spans and roles with Swedish messages at the right field", () => {
    expect(parseActivityForm(form({ startMonth: "13" }))).toMatchObject({ success: false, errors: { startMonth: ["Månaden måste vara 1–12."] } });
    expect(parseActivityForm(form({ startMonth: "maj" }))).toMatchObject({ success: false, errors: { startMonth: ["Månaden måste vara ett tal 1–12."] } });
    expect(parseActivityForm(form({ timing: "SPAN", startMonth: "6", endMonth: "4" }))).toMatchObject({ success: false, errors: { endMonth: ["Perioden slutar före den börjar."] } });
    expect(parseActivityForm(form({ responsibleRole: "BRANDCHEF" }))).toMatchObject({ success: false, errors: { responsibleRole: ["Okänd ansvarig roll."] } });
    expect(parseActivityForm(form({ phase: "" }))).toMatchObject({ success: false, errors: { phase: ["Välj en fas."] } });
    expect(parseActivityForm(form({ key: "Stor Nyckel" }))).toMatchObject({ success: false, generatedKey: false, errors: { key: ["Nyckeln får bara innehålla a–z, 0–9 och bindestreck."] } });
  });

  it("makes keys of Swedish text", () => {
    expect(slugify("Åter till början – ÄNGEN & Öster")).toBe("ater-till-borjan-angen-oster");
    expect(slugify("!!!")).toBe("aktivitet");
  });
});

describe("the publish form", () => {
  const base = { versionId: "v", decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare" };

  it("accepts 'tills vidare' without a date and refuses dates that do not exist", () => {
    expect(publishSchema.safeParse(base).success).toBe(true);
    expect(calendarDate.safeParse("2027-02-29").success).toBe(false);
    expect(calendarDate.safeParse("2028-02-29").success).toBe(true);
  });

  it("requires an end date after the decision when the document is valid until a date", () => {
    const missing = publishSchema.safeParse({ ...base, validity: "till-datum", validUntil: "" });
    expect(missing.error?.issues.map((i) => i.message)).toEqual(["Ange till vilket datum dokumentet gäller."]);
    const before = publishSchema.safeParse({ ...base, validity: "till-datum", validUntil: "2026-11-20" });
    expect(before.error?.issues.map((i) => i.message)).toEqual(["Giltigheten måste sluta efter beslutsdatumet."]);
    expect(publishSchema.safeParse({ ...base, followTasks: "kanske" }).error?.issues.map((i) => i.message)).toEqual(["Välj ja eller nej."]);
  });
});
