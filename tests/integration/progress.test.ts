import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getManagedCycles } from "@/lib/cycles/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { utcDate } from "@/lib/dates/cycle";
import { getChecklist } from "@/lib/tasks/queries";
import { countProgress, shareDueDone, shareOfYear } from "@/lib/tasks/progress";
import { getWheelData } from "@/lib/wheel/data";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

// Issue 19, item 5: one computation of the shares done, and every page that shows one gives the same number.
describe.each(DATABASE_KINDS)("the shares done on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const tasksOf = (year: number, unitId?: string) =>
    t.db.task.findMany({ where: { cycle: { year }, ...(unitId ? { unitId } : {}) }, select: { status: true, dueOn: true, doneOn: true, unitId: true } });

  it("gives the same figures for a year on the wheel, Översikt and Årets cykler as the one computation", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const utvecklare = await actorFor(t.db, "utvecklare@arshjulet.example");
    const cycles = await getManagedCycles(utvecklare, t.db, SEEDED_TODAY);
    for (const year of [2026, 2025]) {
      const expected = countProgress(await tasksOf(year), SEEDED_TODAY);
      // The seed has tasks of each kind, so that a different treatment of ej aktuell would show.
      expect(expected.notApplicable).toBeGreaterThan(0);
      expect(expected.done).toBeGreaterThan(0);
      const wheel = (await getWheelData(chef, { year }, t.db, SEEDED_TODAY))!;
      expect(wheel.progress).toEqual(expected);
      expect(cycles.find((c) => c.year === year)!.progress).toEqual(expected);
      if (year === 2026) expect((await getDashboard(chef, { year }, t.db, SEEDED_TODAY))!.progress!.figures).toEqual(expected);
      expect(shareDueDone(wheel.progress)).not.toBeNull();
      expect(shareOfYear(wheel.progress)).not.toBeNull();
    }
    // The year-over-year comparison: last year counted the same way, at the same day of its year.
    const compare = (await getDashboard(chef, { year: 2026, compareYear: 2025 }, t.db, SEEDED_TODAY))!.compareProgress!;
    expect(compare.date).toEqual(utcDate(2025, 11, 23));
    expect(compare.figures).toEqual(countProgress(await tasksOf(2025), utcDate(2025, 11, 23)));
  });

  it("gives one unit the same figures on the wheel, the checklist and the heat map", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const enhetschef = await actorFor(t.db, ENHETSCHEF);
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const expected = countProgress(await tasksOf(2026, larkan.id), SEEDED_TODAY);
    expect((await getWheelData(chef, { year: 2026, unitId: larkan.id }, t.db, SEEDED_TODAY))!.progress).toEqual(expected);
    expect((await getChecklist(enhetschef, { filter: "alla", visa: "enhet", enhet: larkan.id }, t.db, SEEDED_TODAY)).summary.progress).toEqual(expected);
    const row = (await getDashboard(chef, { year: 2026 }, t.db, SEEDED_TODAY))!.coverage.find((r) => r.unit.id === larkan.id)!;
    expect({ due: row.totals.dueSoFar, dueDone: row.totals.doneSoFar, total: row.totals.due, done: row.totals.done, notApplicable: row.totals.notApplicable }).toEqual({
      due: expected.due, dueDone: expected.dueDone, total: expected.total, done: expected.done, notApplicable: expected.notApplicable,
    });
    // And the units' heat-map rows add up to the verksamhet's unit tasks.
    const all = countProgress((await tasksOf(2026)).filter((x) => x.unitId !== null), SEEDED_TODAY);
    const rows = (await getDashboard(chef, { year: 2026 }, t.db, SEEDED_TODAY))!.coverage;
    expect(rows.reduce((n, r) => n + r.totals.doneSoFar, 0)).toBe(all.dueDone);
    expect(rows.reduce((n, r) => n + r.totals.dueSoFar, 0)).toBe(all.due);
  });
});
