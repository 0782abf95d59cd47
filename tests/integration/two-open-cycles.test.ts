import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOverdueTasks, countOverdueTasksByCycle, getChecklist, getOverdueElsewhere, getOverdueList } from "@/lib/tasks/queries";
import { checklistParamsSchema, overdueListParamsSchema } from "@/lib/tasks/schemas";
import { getTasksToDoNow } from "@/lib/reminders/queries";
import { planReminders } from "@/lib/reminders/job";
import { getDashboard } from "@/lib/dashboard/queries";
import { coverageSheets } from "@/lib/dashboard/export";
import { getLetterBoard, getLetterOverview } from "@/lib/letters/queries";
import { recordLetter } from "@/lib/letters/mutations";
import { getWheelData } from "@/lib/wheel/data";
import { canAny } from "@/lib/auth/permissions";
import { formatDateIso, utcDate } from "@/lib/dates/cycle";
import { getOpenCycles } from "@/lib/cycle-calendar";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ensureCycle2027 } from "./helpers/next-cycle";

const ROLES = ["enhetschef", "koordinator", "verksamhetschef", "utvecklare", "kommunikator", "handlaggare", "kvalitetshandlaggare"].map((r) => `${r}@arshjulet.example`);
const DAYS = [utcDate(2026, 12, 6), utcDate(2027, 1, 15)];

/** The list a link to /checklista/forsenade leads to, read from the link itself. */
async function listBehind(actor: Awaited<ReturnType<typeof actorFor>>, href: string, t: TestDatabase, today: Date) {
  const url = new URL(href, "http://x");
  expect(url.pathname).toBe("/checklista/forsenade");
  const cycles = await getOverdueList(actor, overdueListParamsSchema.parse(Object.fromEntries(url.searchParams)), t.db, today);
  return cycles.flatMap((c) => c.tasks);
}

// Issue 32: in the weeks when two cycles are open (the 2027 cycle has begun in December, the 2026 cycle is open for its
// efterarbete to 31 January), every count of försenade on every page, export and reminder equals what its link lists.
describe.each(DATABASE_KINDS)("two open cycles on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await ensureCycle2027(t.db);
  });
  afterAll(() => t?.close());

  it.each(DAYS.map((d) => [formatDateIso(d), d] as const))("on %s, per role, every försenade count equals the tasks its link lists", async (_, today) => {
    const organisation = await t.db.organisation.findFirstOrThrow();
    const open = await getOpenCycles(t.db, organisation.id, today);
    expect(open.map((c) => [c.year, c.state, formatDateIso(c.openUntil)])).toEqual([[2027, "current", "2027-11-30"], [2026, "ending", "2027-01-31"]]);
    let someOverdueInEnding = 0;
    for (const email of ROLES) {
      const actor = await actorFor(t.db, email);
      const mayUpdate = canAny(actor, "task:update");
      // The badge, and the list it links to: per cycle and in all.
      const badge = mayUpdate ? await countOverdueTasks(actor, today, t.db) : 0;
      const mine = await getOverdueList(actor, { visa: "mina" }, t.db, today);
      if (mayUpdate) expect(mine.reduce((n, c) => n + c.tasks.length, 0), email).toBe(badge);
      const byCycle = await countOverdueTasksByCycle(actor, today, t.db);
      for (const c of mine) {
        expect(c.tasks.length, `${email} ${c.year}`).toBe(byCycle.get(c.year));
        expect(c.tasks.every((task) => task.cycle.year === c.year && task.overdue && task.canUpdate), email).toBe(true);
        expect(c.label).toMatch(new RegExp(`^Cykel ${c.year} \\(`));
        if (c.year === 2026) someOverdueInEnding += c.tasks.length;
      }
      // Every task of the list can be done where it is listed (a brukarbrev: on the Brukarbrev page of its cycle).
      for (const task of mine.flatMap((c) => c.tasks)) if (task.module?.module.kind === "letter") expect(task.module.href).toMatch(new RegExp(`^/brukarbrev\\?enhet=${task.unitId}&ar=${task.cycle.year}&brev=[1-4]#brukarbrev-[1-4]$`));

      // Att göra nu: the badge's count, each item in an open cycle, and "visar N av M" when fewer are shown.
      if (canAny(actor, "task:read")) {
        const toDo = await getTasksToDoNow(actor, today, {}, t.db);
        expect(toDo.overdue, email).toBe(badge);
        expect(toDo.tasks.every((x) => open.some((c) => c.year === x.cycle.year && c.state === x.cycleState)), email).toBe(true);
        expect(toDo.total).toBeGreaterThanOrEqual(toDo.tasks.length);
      }

      // The checklist: summed over its lists, the "mina" försenade of a cycle are the badge's for that cycle, and the
      // notice of the other cycle's försenade counts what its link (that list, that cycle, Försenade) shows.
      const first = await getChecklist(actor, checklistParamsSchema.parse({}), t.db, today);
      if (first.years.length > 0 && mayUpdate) {
        expect(first.year).toBe(2027);
        for (const year of [2027, 2026]) {
          let sum = 0;
          for (const group of first.groups.filter((g) => g.editable)) {
            const list = await getChecklist(actor, checklistParamsSchema.parse({ enhet: group.key, ar: String(year), filter: "forsenade" }), t.db, today);
            sum += list.counts.forsenade;
            for (const o of list.overdueElsewhere) {
              const other = await getChecklist(actor, checklistParamsSchema.parse({ enhet: group.key, ar: String(o.year), filter: "forsenade" }), t.db, today);
              expect(other.counts.forsenade, `${email} ${group.label} ${o.year}`).toBe(o.count);
            }
          }
          expect(sum, `${email} checklists ${year}`).toBe(byCycle.get(year) ?? 0);
        }
      }

      // The notices of the other open cycle on the start page, /arshjul, /brukarbrev and /oversikt lead to lists of their size.
      for (const action of ["task:update", "task:read"] as const) {
        for (const shown of [2027, 2026]) {
          for (const notice of await getOverdueElsewhere(actor, shown, action, t.db, today)) {
            expect(notice.year).not.toBe(shown);
            expect((await listBehind(actor, notice.href, t, today)).length, `${email} ${action} ${notice.year}`).toBe(notice.count);
          }
        }
      }

      // /oversikt and its Excel file, for both open cycles: the count, the list behind "visa alla", the sheet.
      const dashboard2027 = await getDashboard(actor, { year: 2027 } as never, t.db, today, { allUnits: true });
      if (dashboard2027) {
        for (const year of [2027, 2026]) {
          const d = (await getDashboard(actor, { year } as never, t.db, today, { allUnits: true }))!;
          expect(d.year).toBe(year);
          const listed = (await getOverdueList(actor, { ar: year, visa: "alla" }, t.db, today)).flatMap((c) => c.tasks);
          expect(listed.length, `${email} oversikt ${year}`).toBe(d.overdueCount);
          const sheet = coverageSheets(year, d.coverage, d.overdue).find((s) => s.name.startsWith("Försenade"));
          if (sheet) expect(sheet.rows.length, `${email} Excel ${year}`).toBe(d.overdueCount);
          // One column per month of the cycle: twelve, each month once.
          expect(new Set(d.coverage[0]!.cells.map((c) => c.month)).size).toBe(12);
          expect(d.coverage[0]!.cells[0]!.month).toBe(12);
        }
      }

      // /arshjul of the whole verksamhet: the summary's försenade is the list behind its link.
      const wheel = await getWheelData(actor, { year: 2026 } as never, t.db, today);
      if (wheel && wheel.scope === "verksamhet" && !wheel.unit) {
        expect(wheel.open).toBe(true);
        const overdue = wheel.routines.flatMap((r) => r.phases.flatMap((p) => p.activities)).reduce((n, a) => n + a.completion.overdue, 0);
        expect((await getOverdueList(actor, { ar: 2026, visa: "alla" }, t.db, today)).flatMap((c) => c.tasks).length, `${email} arshjul`).toBe(overdue);
      }
    }
    expect(someOverdueInEnding).toBeGreaterThan(0);
  });

  it("lets the koordinator open and register the ending cycle's Brukarbrev 4 on 15 January, after which the badge no longer counts it", async () => {
    const today = DAYS[1]!;
    const koordinator = await actorFor(t.db, "koordinator@arshjulet.example");
    const before = await countOverdueTasks(koordinator, today, t.db);
    const board = (await getLetterBoard(koordinator, { year: 2026 }, t.db, today))!;
    expect(board).toMatchObject({ year: 2026, open: true, canRecord: true, cycleExists: true });
    expect(board.cycles.map((c) => c.year)).toEqual([2027, 2026]);
    const letter4 = board.letters.find((l) => l.number === 4)!;
    expect(letter4.state).toBe("missing");
    const result = await recordLetter(koordinator, { unitId: board.unit.id, year: "2026", letterNumber: "4", sentOn: "2027-01-14", count: "40", method: "POST" }, t.db, { today });
    expect(result).toMatchObject({ ok: true });
    expect(await countOverdueTasks(koordinator, today, t.db)).toBe(before - 1);
    // The letter overview of 2026 has it sent; a closed cycle's letters cannot be registered.
    const overview = (await getLetterOverview(await actorFor(t.db, "verksamhetschef@arshjulet.example"), { year: 2026 }, t.db, today))!;
    expect(overview.rows.find((r) => r.unit.id === board.unit.id)!.letters[3]!.dispatch).not.toBeNull();
    const closed = await recordLetter(koordinator, { unitId: board.unit.id, year: "2025", letterNumber: "4", sentOn: "2025-11-14", count: "40", method: "POST" }, t.db, { today });
    expect(closed).toMatchObject({ ok: false });
    // On 1 February the 2026 cycle is closed: its page is read only and the badge has only 2027.
    const february = utcDate(2027, 2, 1);
    expect(await getLetterBoard(koordinator, { year: 2026 }, t.db, february)).toMatchObject({ open: false, canRecord: false });
    expect([...(await countOverdueTasksByCycle(koordinator, february, t.db)).keys()].every((y) => y === 2027)).toBe(true);
  });

  it("reminds of the ending cycle's open tasks while it is open, to 31 January, and not after", async () => {
    // November's activities remind 62 and 63 days after their last day: on 31 January and on 1 February.
    await t.db.activityTemplate.updateMany({ where: { endMonth: 11 }, data: { reminderOffsets: [62, 63] } });
    const remindedCycles = async (today: Date) => {
      const ids = (await planReminders(today, "http://localhost", t.db)).flatMap((p) => (p.taskId ? [p.taskId] : []));
      return new Set((await t.db.task.findMany({ where: { id: { in: ids } }, select: { cycle: { select: { year: true } } } })).map((x) => x.cycle.year));
    };
    expect(await remindedCycles(utcDate(2027, 1, 31))).toContain(2026);
    expect(await remindedCycles(utcDate(2027, 2, 1))).not.toContain(2026);
  });
});
