import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFilterSchema, listAuditEntries } from "@/lib/audit/queries";
import type { SessionUser } from "@/lib/auth/session-user";
import { createCalendarFeed, getFeedOptions, listCalendarFeeds, revokeCalendarFeed } from "@/lib/calendar/feeds";
import { planCycleAgain, updateTimetable } from "@/lib/cycles/mutations";
import { getManagedCycle, getManagedCycles } from "@/lib/cycles/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardParamsSchema } from "@/lib/dashboard/schemas";
import { Role } from "@/lib/db/generated/enums";
import { recordLetter, undoLetter } from "@/lib/letters/mutations";
import { getLetterBoard, getLetterOverview } from "@/lib/letters/queries";
import { updateReminderOffsets } from "@/lib/reminders/mutations";
import { countOverdueTasks, getReminderRules, getTasksToDoNow } from "@/lib/reminders/queries";
import { saveIndicator } from "@/lib/results/indicators";
import { addImprovementNote, createImprovementAction, updateImprovementAction } from "@/lib/results/mutations";
import { getActionFormOptions, getIndicators, getPlannedActionsForUnit, getRecentImports, getResultsOverview, getResultUnits, getUnitComparison, listImprovementActions } from "@/lib/results/queries";
import { declineReviewCase, saveReviewInterview } from "@/lib/review/mutations";
import { getReviewCase, getReviewSummary, getReviewYear, getReviewYears } from "@/lib/review/queries";
import { addPhase, removeActivity, saveActivity } from "@/lib/routines/draft-mutations";
import { getRoutineExport } from "@/lib/routines/export";
import { createDraft, deleteDraft, updateDraftMetadata, updateRoutineColour } from "@/lib/routines/mutations";
import { publishDraft } from "@/lib/routines/publish";
import { getActiveRoutines } from "@/lib/routines/queries";
import { getManagedRoutine, getManagedRoutines, getManagedVersion, getPublishRecord } from "@/lib/routines/versions";
import { addTaskComment, changeTaskStatus } from "@/lib/tasks/mutations";
import { getChecklist, getTaskHistory } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { assignRole, createUser, removeRole, setUserActive, setUserPassword } from "@/lib/users/mutations";
import { listUsers } from "@/lib/users/queries";
import { wheelParamsSchema } from "@/lib/wheel/schemas";
import { SEEDED_TODAY } from "@/tests/support/today";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { fullHash } from "./helpers/fingerprint";
import { activityForm } from "./helpers/routine-fixtures";

const { getWheelData } = await import("@/lib/wheel/data");

/**
 * Issue 18, item 11: two verksamheter in one database. The seeded one ("A") has every kind of data; the second ("B")
 * is made here with its own area, units and one user per role, and a user without a role in each. No role of B,
 * admin included, reads or changes anything of A, and A's admin cannot reach B's users.
 */
describe.each(DATABASE_KINDS)("two verksamheter on %s", (kind) => {
  let t: TestDatabase;
  let a: { organisationId: string; ids: Set<string>; unitId: string; roleless: string; admin: SessionUser; utvecklare: SessionUser };
  let b: { organisationId: string; unitId: string; roleless: string; users: { role: Role; actor: SessionUser }[] };
  let ref: Record<string, string>;
  const YEAR = 2026;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const orgA = await t.db.organisation.findFirstOrThrow();
    const utvecklare = await actorFor(t.db, "utvecklare@arshjulet.example");
    // A draft in A, so that the draft mutations have something of A's to aim at.
    const routine = await t.db.routine.findFirstOrThrow({ where: { organisationId: orgA.id }, orderBy: { key: "asc" } });
    expect(await createDraft(utvecklare, { routineId: routine.id }, t.db)).toMatchObject({ ok: true });
    const rolelessA = await t.db.user.create({ data: { organisationId: orgA.id, email: "utan.roll.a@kommun.example", name: "Utan Roll A" } });
    const feedA = await createCalendarFeed(await actorFor(t.db, "enhetschef@arshjulet.example"), { target: `enhet:${(await t.db.unit.findFirstOrThrow({ where: { area: { organisationId: orgA.id } } })).id}` }, t.db);
    expect(feedA).toMatchObject({ ok: true });

    const orgB = await t.db.organisation.create({ data: { slug: "norrby", name: "Norrby hemtjänst" } });
    const area = await t.db.area.create({ data: { organisationId: orgB.id, name: "Norrby", position: 0 } });
    const unitB = await t.db.unit.create({ data: { areaId: area.id, name: "Norrbyenheten" } });
    await t.db.unit.create({ data: { areaId: area.id, name: "Norrby 2" } });
    const users: { role: Role; actor: SessionUser }[] = [];
    for (const role of Object.values(Role)) {
      const unitScoped = role === "ENHETSCHEF" || role === "KOORDINATOR";
      const user = await t.db.user.create({ data: { organisationId: orgB.id, email: `${role.toLowerCase()}@norrby.example`, name: `Norrby ${role}` } });
      await t.db.roleAssignment.create({ data: { userId: user.id, role, organisationId: orgB.id, unitId: unitScoped ? unitB.id : null } });
      users.push({ role, actor: await actorFor(t.db, user.email) });
    }
    const rolelessB = await t.db.user.create({ data: { organisationId: orgB.id, email: "utan.roll.b@norrby.example", name: "Utan Roll B" } });

    // Every id of A's rows (the user ids too): none may appear in what B's roles read.
    const ids = new Set<string>();
    const add = (rows: { id: string }[]) => rows.forEach((r) => ids.add(r.id));
    const inA = { organisationId: orgA.id };
    add(await t.db.unit.findMany({ where: { area: inA } }));
    add(await t.db.area.findMany({ where: inA }));
    add(await t.db.routine.findMany({ where: inA }));
    add(await t.db.routineVersion.findMany({ where: { routine: inA } }));
    add(await t.db.activityTemplate.findMany({ where: { routineVersion: { routine: inA } } }));
    add(await t.db.cycle.findMany({ where: inA }));
    add(await t.db.task.findMany({ where: { cycle: inA } }));
    add(await t.db.letterDispatch.findMany({ where: { task: { cycle: inA } } }));
    add(await t.db.indicator.findMany({ where: inA }));
    add(await t.db.improvementAction.findMany({ where: inA }));
    add(await t.db.qualityReview.findMany({ where: inA }));
    add(await t.db.reviewCase.findMany({ where: { review: inA } }));
    add(await t.db.calendarFeed.findMany({ where: inA }));
    add(await t.db.user.findMany({ where: inA }));
    add(await t.db.auditEntry.findMany({ where: { actor: inA } }));

    const task = await t.db.task.findFirstOrThrow({ where: { cycle: { ...inA, year: YEAR }, unitId: { not: null } } });
    const draft = await t.db.routineVersion.findFirstOrThrow({ where: { routine: inA, status: "DRAFT" }, include: { routine: true, activities: true, phases: true } });
    const active = await t.db.routineVersion.findFirstOrThrow({ where: { routine: inA, status: "ACTIVE" }, include: { routine: true, activities: true } });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { ...inA, year: YEAR } });
    const letter = await t.db.task.findFirst({ where: { cycle: { ...inA, year: YEAR }, activity: { kind: "LETTER" }, unitId: { not: null } }, include: { activity: true } });
    const action = await t.db.improvementAction.findFirst({ where: inA });
    const indicator = await t.db.indicator.findFirst({ where: inA });
    const reviewCase = await t.db.reviewCase.findFirst({ where: { review: inA } });
    const assignment = await t.db.roleAssignment.findFirstOrThrow({ where: inA });
    ref = {
      taskId: task.id, taskVersion: String(task.version), draftId: draft.id, routineId: draft.routineId, routineKey: draft.routine.key, activeKey: active.routine.key,
      activeVersion: String(active.version), activityId: active.activities[0]!.id, draftActivityId: draft.activities[0]?.id ?? "saknas", phaseKey: draft.phases[0]?.key ?? "saknas",
      cycleId: cycle.id, unitId: task.unitId!, letterUnitId: letter?.unitId ?? task.unitId!, letterNumber: String(letter?.activity.letterNumber ?? 1),
      actionId: action?.id ?? "saknas", indicatorId: indicator?.id ?? "saknas", caseId: reviewCase?.id ?? "saknas", assignmentId: assignment.id, feedId: feedA.ok ? (await t.db.calendarFeed.findFirstOrThrow({ where: inA })).id : "saknas",
    };
    a = { organisationId: orgA.id, ids, unitId: task.unitId!, roleless: rolelessA.id, admin: await actorFor(t.db, "admin@arshjulet.example"), utvecklare };
    b = { organisationId: orgB.id, unitId: unitB.id, roleless: rolelessB.id, users };
  });
  afterAll(() => t?.close());

  /** The ids of A's rows in a result. */
  const leaked = (value: unknown) => {
    const text = JSON.stringify(value ?? null);
    return [...a.ids].filter((id) => text.includes(id));
  };

  it("lets no role of B read anything of A through the query modules", async () => {
    // The check can fail: A's own roles do read A's rows.
    expect(a.ids.size).toBeGreaterThan(100);
    expect(leaked(await getManagedRoutines(a.utvecklare, t.db)).length).toBeGreaterThan(0);
    expect(leaked(await listUsers(a.admin, t.db)).length).toBeGreaterThan(0);
    for (const { role, actor } of b.users) {
      const reads: Record<string, unknown> = {
        listUsers: await listUsers(actor, t.db),
        audit: await listAuditEntries(actor, auditFilterSchema.parse({}), t.db),
        auditOfA: await listAuditEntries(actor, auditFilterSchema.parse({ anvandare: a.admin.id, enhet: a.unitId }), t.db),
        feedOptions: await getFeedOptions(actor, t.db),
        feeds: await listCalendarFeeds(actor, t.db),
        cycles: await getManagedCycles(actor, t.db),
        cycle: await getManagedCycle(actor, YEAR, t.db),
        dashboard: await getDashboard(actor, dashboardParamsSchema.parse({}), t.db, SEEDED_TODAY),
        letterBoard: await getLetterBoard(actor, {}, t.db, SEEDED_TODAY),
        letterBoardOfA: await getLetterBoard(actor, { unitId: a.unitId }, t.db, SEEDED_TODAY),
        letterOverview: await getLetterOverview(actor, { year: YEAR }, t.db, SEEDED_TODAY),
        toDoNow: await getTasksToDoNow(actor, SEEDED_TODAY, {}, t.db),
        overdue: await countOverdueTasks(actor, SEEDED_TODAY, t.db),
        reminderRules: await getReminderRules(actor, t.db),
        indicators: await getIndicators(actor, t.db),
        resultUnits: await getResultUnits(actor, t.db),
        results: await getResultsOverview(actor, undefined, t.db),
        unitComparison: await getUnitComparison(actor, a.unitId, YEAR, t.db),
        plannedActions: await getPlannedActionsForUnit(actor, a.unitId, YEAR, t.db),
        actions: await listImprovementActions(actor, {}, t.db),
        imports: await getRecentImports(actor, t.db),
        actionOptions: await getActionFormOptions(actor, t.db),
        reviewYears: await getReviewYears(actor, t.db),
        reviewYear: await getReviewYear(actor, YEAR, t.db),
        reviewCase: await getReviewCase(actor, YEAR, ref.caseId!, t.db),
        reviewSummary: await getReviewSummary(actor, YEAR, t.db),
        activeRoutines: await getActiveRoutines(actor, t.db),
        managedRoutines: await getManagedRoutines(actor, t.db),
        managedRoutine: await getManagedRoutine(actor, ref.activeKey!, t.db),
        managedVersion: await getManagedVersion(actor, ref.activeKey!, Number(ref.activeVersion), t.db),
        publishRecord: await getPublishRecord(actor, ref.draftId!, t.db),
        routineExport: await getRoutineExport(actor, ref.activeKey!, Number(ref.activeVersion), t.db),
        checklist: await getChecklist(actor, checklistParamsSchema.parse({}), t.db, SEEDED_TODAY),
        taskHistory: await getTaskHistory(actor, ref.taskId!, t.db, SEEDED_TODAY),
        wheel: await getWheelData(actor, wheelParamsSchema.parse({}), t.db, SEEDED_TODAY),
      };
      for (const [name, value] of Object.entries(reads)) expect(leaked(value), `${role}: ${name}`).toEqual([]);
      expect(reads.overdue, role).toBe(0);
    }
  });

  it("lets no role of B change anything of A, and changes nothing", async () => {
    const before = await fullHash(t.db);
    for (const { role, actor } of b.users) {
      const calls: [string, Promise<{ ok: boolean }>][] = [
        ["changeTaskStatus", changeTaskStatus(actor, { taskId: ref.taskId, version: ref.taskVersion, status: "DONE" }, t.db)],
        ["addTaskComment", addTaskComment(actor, { taskId: ref.taskId, version: ref.taskVersion, comment: "Från Norrby" }, t.db)],
        ["recordLetter", recordLetter(actor, { unitId: ref.letterUnitId, year: String(YEAR), letterNumber: ref.letterNumber, version: "1", sentOn: "2026-11-20", count: "10", method: "POST" }, t.db, { today: SEEDED_TODAY })],
        ["undoLetter", undoLetter(actor, { unitId: ref.letterUnitId, year: String(YEAR), letterNumber: ref.letterNumber, version: "1" }, t.db, { today: SEEDED_TODAY })],
        ["createDraft", createDraft(actor, { routineId: ref.routineId! }, t.db)],
        ["deleteDraft", deleteDraft(actor, { versionId: ref.draftId! }, t.db)],
        ["updateDraftMetadata", updateDraftMetadata(actor, { versionId: ref.draftId, title: "Norrbys titel", purpose: "" }, t.db)],
        ["updateRoutineColour", updateRoutineColour(actor, { routineId: ref.routineId, colour: "#000000" }, t.db)],
        ["addPhase", addPhase(actor, { versionId: ref.draftId!, name: "Norrbyfas" }, t.db)],
        ["removeActivity", removeActivity(actor, { versionId: ref.draftId!, activityId: ref.draftActivityId! }, t.db)],
        ["saveActivity", saveActivity(actor, { versionId: ref.draftId!, values: activityForm({ phase: ref.phaseKey! }) }, t.db)],
        ["publishDraft", publishDraft(actor, { versionId: ref.draftId, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare", followTasks: "nej" }, t.db, SEEDED_TODAY)],
        ["planCycleAgain", planCycleAgain(actor, { cycleId: ref.cycleId }, t.db)],
        ["updateTimetable", updateTimetable(actor, { cycleId: ref.cycleId, surveyDispatchOn: "" }, t.db)],
        ["updateReminderOffsets", updateReminderOffsets(actor, { activityId: ref.activityId, offsets: "-7" }, t.db)],
        ["saveIndicator", saveIndicator(actor, { indicatorId: ref.indicatorId, key: "norrby", name: "Norrby", description: "", koladaKpi: "", higherIsBetter: "ja" }, t.db)],
        ["createImprovementAction", createImprovementAction(actor, { cycleId: ref.cycleId, unitId: ref.unitId, title: "Norrby", ownerName: "N", dueOn: "2026-12-01" }, t.db)],
        ["updateImprovementAction", updateImprovementAction(actor, { actionId: ref.actionId, version: "1", title: "Norrby", ownerName: "N", dueOn: "2026-12-01", status: "DONE" }, t.db)],
        ["addImprovementNote", addImprovementNote(actor, { actionId: ref.actionId, text: "Från Norrby" }, t.db)],
        ["declineReviewCase", declineReviewCase(actor, { caseId: ref.caseId, reason: "Vill inte" }, t.db)],
        ["saveReviewInterview", saveReviewInterview(actor, { caseId: ref.caseId, interviewedOn: "2026-11-20" }, t.db, SEEDED_TODAY)],
        ["createCalendarFeed", createCalendarFeed(actor, { target: `enhet:${ref.unitId}` }, t.db)],
        ["revokeCalendarFeed", revokeCalendarFeed(actor, { feedId: ref.feedId }, t.db)],
        ["setUserPassword", setUserPassword(actor, { userId: a.roleless, password: "ett-langt-losenord" }, t.db)],
        ["setUserPasswordAdmin", setUserPassword(actor, { userId: a.admin.id, password: "ett-langt-losenord" }, t.db)],
        ["assignRole", assignRole(actor, { userId: a.roleless, role: "ADMIN", unitId: "hela-verksamheten" }, t.db)],
        ["assignRoleInOwnUnit", assignRole(actor, { userId: a.roleless, role: "ENHETSCHEF", unitId: b.unitId }, t.db)],
        ["setUserActive", setUserActive(actor, { userId: a.admin.id, active: "false" }, t.db)],
        ["removeRole", removeRole(actor, { assignmentId: ref.assignmentId }, t.db)],
      ];
      for (const [name, call] of calls) expect(await call, `${role}: ${name}`).toMatchObject({ ok: false });
    }
    expect(await fullHash(t.db)).toBe(before);
  });

  it("keeps each admin to the users of their own verksamhet, those without a role included", async () => {
    const adminB = b.users.find((u) => u.role === "ADMIN")!.actor;
    const emails = async (actor: SessionUser) => (await listUsers(actor, t.db))!.users.map((u) => u.id);
    expect(await emails(a.admin)).toContain(a.roleless);
    expect(await emails(a.admin)).not.toContain(b.roleless);
    expect(await emails(adminB)).toEqual(expect.arrayContaining([b.roleless, adminB.id]));
    expect(await emails(adminB)).not.toContain(a.roleless);
    const before = await fullHash(t.db);
    expect(await setUserPassword(a.admin, { userId: b.roleless, password: "ett-langt-losenord" }, t.db)).toMatchObject({ ok: false, code: "finns-inte" });
    expect(await assignRole(a.admin, { userId: b.roleless, role: "ENHETSCHEF", unitId: "hela-verksamheten" }, t.db)).toMatchObject({ ok: false, code: "finns-inte" });
    expect(await setUserActive(a.admin, { userId: adminB.id, active: "false" }, t.db)).toMatchObject({ ok: false, code: "finns-inte" });
    expect(await fullHash(t.db)).toBe(before);
    // A new user belongs to the admin's verksamhet, and only that admin reaches them.
    expect(await createUser(adminB, { name: "Ny i Norrby", email: "ny@norrby.example", password: "" }, t.db)).toMatchObject({ ok: true });
    const created = await t.db.user.findUniqueOrThrow({ where: { email: "ny@norrby.example" } });
    expect(created.organisationId).toBe(b.organisationId);
    expect(await assignRole(a.admin, { userId: created.id, role: "ADMIN", unitId: "hela-verksamheten" }, t.db)).toMatchObject({ ok: false, code: "finns-inte" });
    expect(await assignRole(adminB, { userId: created.id, role: "ENHETSCHEF", unitId: a.unitId }, t.db)).toMatchObject({ ok: false, code: "enhet-finns-inte" });
    expect(await assignRole(adminB, { userId: created.id, role: "ENHETSCHEF", unitId: b.unitId }, t.db)).toMatchObject({ ok: true });
  });

  it("counts only the roles a user holds in their own verksamhet", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "utan.roll.b@norrby.example" } });
    // A stray row (written past the app, say) that gives B's user a role in A.
    await t.db.roleAssignment.create({ data: { userId: user.id, role: "VERKSAMHETSCHEF", organisationId: a.organisationId } });
    const actor = await actorFor(t.db, user.email);
    expect(actor.assignments).toEqual([]);
    expect(actor.organisationId).toBe(b.organisationId);
    expect(await getDashboard(actor, dashboardParamsSchema.parse({}), t.db, SEEDED_TODAY)).toBeNull();
  });
});
