import { describe, expect, it } from "vitest";
import { diffRoutineDocuments } from "@/lib/routines/diff";
import type { RoutineDocument } from "@/lib/routines/schemas";
import { loadSeedRoutine } from "@/prisma/seed/seed";

const seed = loadSeedRoutine();
const copy = (): RoutineDocument => structuredClone(seed);
const byKey = (doc: RoutineDocument, key: string) => doc.activities.find((a) => a.key === key)!;

describe("diffRoutineDocuments", () => {
  it("finds nothing between a version and its copy", () => {
    const diff = diffRoutineDocuments(seed, copy());
    expect(diff.identical).toBe(true);
    expect(diff.activities.unchanged).toBe(seed.activities.length);
  });

  it("matches activities by key: added, removed and changed with the fields that changed, in Swedish", () => {
    const next = copy();
    next.activities = next.activities.filter((a) => a.key !== "brukarfika-februari");
    next.activities.push({ ...byKey(seed, "brukarbrev-1"), key: "egenkontroll", title: "Egenkontroll", kind: "CHECKLIST", letterNumber: undefined, phase: "uppfoljning" });
    Object.assign(byKey(next, "brukarbrev-2"), { startMonth: 7, endMonth: 7, title: "Brukarbrev 2 (juli)" });
    Object.assign(byKey(next, "information-webbplats"), { responsibleRole: "VERKSAMHETSUTVECKLARE", phase: "under" });
    const diff = diffRoutineDocuments(seed, next);
    expect(diff.identical).toBe(false);
    expect(diff.activities.added).toEqual([{ key: "egenkontroll", title: "Egenkontroll", phase: "Uppföljning" }]);
    expect(diff.activities.removed).toEqual([{ key: "brukarfika-februari", title: "Brukarfika med information om brukarundersökningen", phase: "Inför" }]);
    const letter = diff.activities.changed.find((c) => c.key === "brukarbrev-2")!;
    expect(letter.changes).toEqual([
      { field: "title", label: "rubrik", before: "Brukarbrev 2", after: "Brukarbrev 2 (juli)" },
      { field: "startMonth", label: "startmånad", before: "juni", after: "juli" },
      { field: "endMonth", label: "slutmånad", before: "juni", after: "juli" },
    ]);
    const web = diff.activities.changed.find((c) => c.key === "information-webbplats")!;
    expect(web.changes).toEqual([
      { field: "phase", label: "fas", before: "Inför", after: "Under pågående undersökning" },
      { field: "responsibleRole", label: "ansvarig roll", before: "Kommunikationsenheten", after: "Verksamhetsutvecklare" },
    ]);
    expect(diff.activities.unchanged).toBe(seed.activities.length - 1 - 2);
  });

  it("shows a changed or added short name (kortnamn) as a change of its activity", () => {
    const next = copy();
    byKey(next, "brukarfika-varen").shortName = "Brukarfika i maj";
    delete byKey(next, "brukarbrev-1").shortName;
    const diff = diffRoutineDocuments(seed, next);
    expect(diff.activities.changed.find((c) => c.key === "brukarfika-varen")!.changes).toEqual([{ field: "shortName", label: "kortnamn", before: "Brukarfika april–maj", after: "Brukarfika i maj" }]);
    expect(diff.activities.changed.find((c) => c.key === "brukarbrev-1")!.changes).toEqual([{ field: "shortName", label: "kortnamn", before: "Brukarbrev 1", after: "–" }]);
  });

  it("reports metadata and phase changes", () => {
    const next = copy();
    next.version = { ...next.version, decidedOn: "2026-11-20", validUntil: "2027-12-31", replacesText: "Version 1" };
    next.phases[0]!.name = "Före undersökningen";
    next.phases.push({ key: "arlig-utvardering", name: "Årlig utvärdering" });
    const diff = diffRoutineDocuments(seed, next);
    expect(diff.metadata).toEqual([
      { field: "decidedOn", label: "beslutsdatum", before: "2025-12-09", after: "2026-11-20" },
      { field: "validUntil", label: "giltighet", before: "tills vidare", after: "2027-12-31" },
      { field: "replacesText", label: "dokumentet ersätter", before: "Nytt", after: "Version 1" },
    ]);
    expect(diff.phases).toEqual({ added: ["Årlig utvärdering"], removed: [], renamed: [{ field: "infor", label: "namn", before: "Inför", after: "Före undersökningen" }], reordered: false });
    // Renaming a phase is not a change of the activities in it: they keep the phase key.
    expect(diff.activities.changed).toEqual([]);
  });

  it("notices phases in a new order", () => {
    const next = copy();
    next.phases = [next.phases[1]!, next.phases[0]!, ...next.phases.slice(2)];
    expect(diffRoutineDocuments(seed, next).phases.reordered).toBe(true);
  });
});
