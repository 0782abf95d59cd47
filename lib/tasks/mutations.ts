import "server-only";
import type { z } from "zod";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import type { ActivityKind, TaskStatus } from "../db/generated/enums.ts";
import type { Actor } from "../auth/permissions.ts";
import { writeAudit, type AuditAction } from "../audit/index.ts";
import { fieldErrorsOf } from "../forms.ts";
import { taskWhereFor } from "./scope.ts";
import { addCommentSchema, changeStatusSchema, undoStatusSchema } from "./schemas.ts";
import { checkTransition, completionFields, isUndoable, STATUS_MESSAGES, TASK_STATUS_LABELS, UNDO_DETAILS } from "./status.ts";
import { LETTER_DONE_VIA_RECORD, LETTER_RECORDED, moduleRuleText, REVIEW_RECORDED, REVIEW_STEPS, REVIEW_TASK_KEYS, reviewStepStatus, taskModuleOf, type ModuleStatus, type ReviewStep, type TaskModule } from "./module-tasks.ts";
import { getReviewFacts } from "./review-facts.ts";
import * as clock from "../clock.ts";
import { currentCycleYearOf, cycleSpan, formatDateIso, formatDateLong, isOpenCycleYear, stockholmDate } from "../dates/cycle.ts";

export { LETTER_DONE_VIA_RECORD, LETTER_RECORDED } from "./module-tasks.ts";

/** A task's own columns as the checklist shows it after a change (an update returns them). */
const stateColumns = {
  id: true,
  status: true,
  version: true,
  comment: true,
  notApplicableReason: true,
  completedAt: true,
  doneOn: true,
  plannedOn: true,
  plannedTime: true,
  plannedPlace: true,
  plannedLead: true,
  updatedAt: true,
  completedById: true,
} satisfies Prisma.TaskSelect;
/** With the completer's name (completerOf adds it to an update's answer). */
const stateSelect = { ...stateColumns, completedBy: { select: { name: true } } } satisfies Prisma.TaskSelect;

/** What the checklist needs to show a task as it is now. */
export type TaskState = Prisma.TaskGetPayload<{ select: typeof stateSelect }>;
/** A writable task as findWritableTask reads it: with the acting user's name, for the completer after a change. */
type WritableTask = TaskState & { unitId: string | null; actorName?: string | null };

type TaskContext = { year: number; organisationId: string; title: string; kind: ActivityKind; key: string; completedByName: string | null; actorName: string | null; calendar: number[] };

/**
 * A task's cycle, activity, completer, the verksamhet's cycle calendar (as getCycleCalendar reads it: its routines'
 * start months, ascending) and the acting user's name, in one statement: Prisma's relations and the calendar took
 * four (issue 35: a tick-off is one of the morning's most frequent requests).
 */
async function readTaskContext(tx: Prisma.TransactionClient, taskId: string, actorId: string): Promise<TaskContext> {
  const rows = await tx.$queryRaw<TaskContext[]>`
    SELECT c."year", c."organisationId", a."title", a."kind"::text AS "kind", a."key", u."name" AS "completedByName",
      (SELECT au."name" FROM "User" au WHERE au."id" = ${actorId}) AS "actorName",
      ARRAY(SELECT DISTINCT r."startMonth" FROM "Routine" r WHERE r."organisationId" = c."organisationId" ORDER BY r."startMonth") AS "calendar"
    FROM "Task" t JOIN "Cycle" c ON c."id" = t."cycleId" JOIN "ActivityTemplate" a ON a."id" = t."activityId" LEFT JOIN "User" u ON u."id" = t."completedById"
    WHERE t."id" = ${taskId}`;
  return rows[0]!;
}
export type TaskFailureCode = "INVALID" | "NOT_FOUND" | "READ_ONLY" | "CLOSED" | "TRANSITION" | "STALE";
export type TaskFailure = { ok: false; code: TaskFailureCode; message: string; errors?: Record<string, string[]>; current?: TaskState };
/** before: the status a status change left (what Ångra would put back). */
export type TaskMutationResult = { ok: true; message: string; task: TaskState; before?: TaskStatus } | TaskFailure;

export const TASK_NOT_FOUND = "Uppgiften finns inte eller tillhör inte någon av dina enheter.";
export const TASK_READ_ONLY = "Du kan läsa den här uppgiften men inte ändra den.";
export const STALE_STATUS = "Din ändring sparades inte; se hur uppgiften ser ut nu och gör om ändringen om den fortfarande behövs.";
const STALE_COMMENT = "Din kommentar sparades inte men finns kvar i rutan; skicka den igen om den fortfarande stämmer.";

export function invalid(error: z.ZodError): TaskFailure {
  return { ok: false, code: "INVALID", message: error.issues[0]?.message ?? "Kontrollera fälten.", errors: fieldErrorsOf(error) };
}

/**
 * The task the actor may change, checked for a writable cycle year and the version the actor read.
 * Returns the task or the failure that stops the change; nothing has been written either way.
 */
export async function findWritableTask(tx: Prisma.TransactionClient, actor: Actor, taskId: string, version: number, today: Date, staleHint: string) {
  const row = await tx.task.findFirst({
    where: { AND: [{ id: taskId }, taskWhereFor(actor, "task:update")] },
    select: { ...stateColumns, unitId: true, startsOn: true, dueOn: true },
  });
  if (!row) {
    const readable = await tx.task.count({ where: { AND: [{ id: taskId }, taskWhereFor(actor, "task:read")] } });
    const failure: TaskFailure = { ok: false, code: readable ? "READ_ONLY" : "NOT_FOUND", message: readable ? TASK_READ_ONLY : TASK_NOT_FOUND };
    return { failure };
  }
  const { calendar, completedByName, actorName, ...context } = await readTaskContext(tx, row.id, actor.id);
  const task = {
    ...row,
    completedBy: completedByName === null ? null : { name: completedByName },
    actorName,
    cycle: { year: context.year, organisationId: context.organisationId },
    activity: { title: context.title, kind: context.kind, key: context.key },
  };
  if (!isOpenCycleYear(task.cycle.year, today, calendar)) {
    const message =
      task.cycle.year < currentCycleYearOf(today, calendar)
        ? `Cykeln ${task.cycle.year} är avslutad och kan bara läsas.`
        : `Cykeln ${task.cycle.year} har inte börjat ännu; dess uppgifter kan ändras från den ${formatDateLong(cycleSpan(task.cycle.year, calendar).startsOn)}.`;
    const failure: TaskFailure = { ok: false, code: "CLOSED", message };
    return { failure };
  }
  if (task.version !== version) return { failure: await stale(tx, taskId, staleHint) };
  return { task };
}

type GuardedChange = {
  data: Prisma.TaskUpdateManyMutationInput;
  event: Omit<Prisma.TaskEventUncheckedCreateInput, "taskId" | "actorId">;
  action: AuditAction;
  /** The fields the audit entry shows, before and after. */
  audited: (state: TaskState) => Record<string, unknown>;
};

/**
 * Writes a change only if the task still has the version the actor read, with its history event and audit entry.
 * Returns the task as it is now, or null when someone else saved first (nothing written).
 */
export async function writeGuarded(tx: Prisma.TransactionClient, actorId: string | null, task: WritableTask, version: number, change: GuardedChange): Promise<TaskState | null> {
  // The update returns the task as it is now (one statement instead of an update and a read).
  const [updated] = await tx.task.updateManyAndReturn({ where: { id: task.id, version }, data: { ...change.data, version: { increment: 1 } }, select: stateColumns });
  if (!updated) return null;
  await tx.taskEvent.create({ data: { ...change.event, taskId: task.id, actorId } });
  const after: TaskState = { ...updated, completedBy: await completerOf(tx, updated.completedById, task, actorId) };
  await writeAudit(tx, { actorId, action: change.action, entityType: "Task", entityId: task.id, unitId: task.unitId, before: change.audited(task), after: change.audited(after) });
  return after;
}

/** The completer after a change: as before, the acting user (whose name findWritableTask read), or read. */
async function completerOf(tx: Prisma.TransactionClient, completedById: string | null, before: WritableTask, actorId: string | null): Promise<TaskState["completedBy"]> {
  if (completedById === null) return null;
  if (completedById === before.completedById) return before.completedBy;
  if (completedById === actorId && typeof before.actorName === "string") return { name: before.actorName };
  return tx.user.findUnique({ where: { id: completedById }, select: { name: true } });
}

export async function stale(tx: Prisma.TransactionClient, taskId: string, hint: string): Promise<TaskFailure> {
  const current = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: stateSelect });
  const message = `Någon annan har ändrat uppgiften medan du hade den öppen. Den har nu status ${TASK_STATUS_LABELS[current.status].toLowerCase()}. ${hint}`;
  return { ok: false, code: "STALE", message, current };
}


/** Options for callers that change a status as part of something larger. */
export type ChangeStatusOptions = {
  today?: Date;
  eventDetails?: Prisma.InputJsonValue;
};

/**
 * Why a module-driven task's status may not change from the checklist, or null when it may: klar and pågår come
 * only from the module; ej aktuell (and back) only while the module has recorded nothing for the task.
 */
async function moduleRule(tx: Prisma.TransactionClient, module: TaskModule, task: { id: string; cycle: { year: number; organisationId: string } }, to: TaskStatus): Promise<string | null> {
  if (module.kind === "letter") {
    if (to === "DONE") return LETTER_DONE_VIA_RECORD;
    const recorded = await tx.letterDispatch.count({ where: { taskId: task.id } });
    return recorded > 0 ? LETTER_RECORDED : null;
  }
  if (to === "DONE" || to === "IN_PROGRESS") return moduleRuleText(module);
  const facts = await getReviewFacts(tx, task.cycle.organisationId, task.cycle.year);
  return reviewStepStatus(module.step, facts).status === "NOT_STARTED" ? null : REVIEW_RECORDED;
}

/**
 * Changes a task's status inside the caller's transaction: scoped lookup, current cycle year only, the
 * version the actor read, the transition rules, then the update, a TaskEvent and an audit entry.
 */
export async function changeTaskStatusIn(tx: Prisma.TransactionClient, actor: Actor, input: unknown, options: ChangeStatusOptions = {}): Promise<TaskMutationResult> {
  const parsed = changeStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { taskId, version, status, reason } = parsed.data;
  const today = options.today ?? clock.today();
  const found = await findWritableTask(tx, actor, taskId, version, today, STALE_STATUS);
  if (!found.task) return found.failure;
  const task = found.task;
  const driver = taskModuleOf(task.activity);
  const refusal = driver ? await moduleRule(tx, driver, task, status) : null;
  if (refusal) return { ok: false, code: "TRANSITION", message: refusal, current: stateOf(task) };
  const transition = checkTransition(task.status, status, reason);
  if (!transition.ok) return { ok: false, code: "TRANSITION", message: transition.message, current: stateOf(task) };

  const now = clock.now();
  const notApplicableReason = status === "NOT_APPLICABLE" ? reason! : null;
  const after = await writeGuarded(tx, actor.id, task, version, {
    data: { status, ...completionFields(status, actor.id, now, today), notApplicableReason },
    event: { at: now, type: "STATUS_CHANGED", fromStatus: task.status, toStatus: status, reason: notApplicableReason, details: options.eventDetails },
    action: "task.status",
    audited: (t) => ({ status: t.status, version: t.version, notApplicableReason: t.notApplicableReason }),
  });
  if (!after) return stale(tx, taskId, STALE_STATUS);
  return { ok: true, message: `”${task.activity.title}” ${STATUS_MESSAGES[status]}.`, task: after, before: task.status };
}

/** Adds a comment to a task inside the caller's transaction; the task's version guards against lost updates. */
export async function addTaskCommentIn(tx: Prisma.TransactionClient, actor: Actor, input: unknown, options: { today?: Date } = {}): Promise<TaskMutationResult> {
  const parsed = addCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { taskId, version, comment } = parsed.data;
  const found = await findWritableTask(tx, actor, taskId, version, options.today ?? clock.today(), STALE_COMMENT);
  if (!found.task) return found.failure;
  const task = found.task;

  const after = await writeGuarded(tx, actor.id, task, version, {
    data: { comment },
    event: { at: clock.now(), type: "COMMENTED", comment },
    action: "task.comment",
    audited: (t) => ({ comment: t.comment, version: t.version }),
  });
  if (!after) return stale(tx, taskId, STALE_COMMENT);
  return { ok: true, message: `Kommentaren är sparad på ”${task.activity.title}”.`, task: after };
}

const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Sets a module-driven task to what its module says (a letter recorded, the review's list imported …), inside the
 * module's transaction and after the module has authorised its own action: the task follows the module whoever
 * records it (a biståndshandläggare's interview moves the kvalitetshandläggare's task). doneOn is the event's date;
 * completedAt the recording time. Ej aktuell is kept while the module has nothing recorded. Returns whether it changed.
 */
export async function setModuleTaskStatus(tx: Prisma.TransactionClient, actorId: string | null, taskId: string, target: ModuleStatus, source: "letter" | "review"): Promise<boolean> {
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { ...stateSelect, unitId: true } });
  if (task.status === "NOT_APPLICABLE" && target.status === "NOT_STARTED") return false;
  if (task.status === target.status && sameDay(task.doneOn, target.doneOn)) return false;
  const now = clock.now();
  const doneOn = target.doneOn ?? stockholmDate(now);
  const after = await writeGuarded(tx, actorId, task, task.version, {
    data: { status: target.status, ...completionFields(target.status, actorId, now, doneOn), notApplicableReason: null },
    event: { at: now, type: "STATUS_CHANGED", fromStatus: task.status, toStatus: target.status, details: { source, ...(target.status === "DONE" ? { doneOn: formatDateIso(doneOn) } : {}) } },
    action: "task.status",
    audited: (t) => ({ status: t.status, version: t.version, ...(t.status === "DONE" ? { doneOn: formatDateIso(doneOn) } : {}) }),
  });
  if (!after) throw new Error("A module's task changed during the module's own transaction.");
  return true;
}

/**
 * Brings a year's review tasks in line with the review, inside the review's transaction. Called by every review
 * mutation and by the seed; a year without a cycle, or a cycle without the review's routine, has nothing to follow.
 */
export async function syncReviewTasks(tx: Prisma.TransactionClient, actorId: string | null, organisationId: string, year: number): Promise<number> {
  const tasks = await tx.task.findMany({
    where: { cycle: { organisationId, year }, unitId: null, assigneeKey: "ORGANISATION", activity: { key: { in: REVIEW_TASK_KEYS } } },
    select: { id: true, activity: { select: { key: true } } },
  });
  if (tasks.length === 0) return 0;
  const facts = await getReviewFacts(tx, organisationId, year);
  let changed = 0;
  for (const task of tasks) {
    const step = (REVIEW_STEPS as Record<string, ReviewStep>)[task.activity.key]!;
    if (await setModuleTaskStatus(tx, actorId, task.id, reviewStepStatus(step, facts), "review")) changed += 1;
  }
  return changed;
}

export const NOTHING_TO_UNDO = "Det finns ingen ändring av dig att ångra på uppgiften; välj status på uppgiften i stället.";

/**
 * Ångra: puts back the status the task had before the actor's own last status change, as an ordinary status
 * change (the version the actor read, the transition rules, a TaskEvent and an audit entry).
 */
export async function undoTaskStatusIn(tx: Prisma.TransactionClient, actor: Actor, input: unknown, options: ChangeStatusOptions = {}): Promise<TaskMutationResult> {
  const parsed = undoStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { taskId, version } = parsed.data;
  const found = await findWritableTask(tx, actor, taskId, version, options.today ?? clock.today(), STALE_STATUS);
  if (!found.task) return found.failure;
  const last = await tx.taskEvent.findFirst({ where: { taskId, type: "STATUS_CHANGED" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorId: true, fromStatus: true, toStatus: true, details: true } });
  if (!last || !isUndoable(last, actor.id, found.task.status)) return { ok: false, code: "TRANSITION", message: NOTHING_TO_UNDO, current: stateOf(found.task) };
  const result = await changeTaskStatusIn(tx, actor, { taskId, version, status: last.fromStatus }, { ...options, eventDetails: UNDO_DETAILS });
  return result.ok ? { ...result, message: `Ångrat. ${result.message}` } : result;
}

/** Ångra in one transaction (or in the caller's, when db is a transaction client). */
export async function undoTaskStatus(actor: Actor, input: unknown, db: DbClient = getDb(), options: ChangeStatusOptions = {}) {
  return inTransaction(db, (tx) => undoTaskStatusIn(tx, actor, input, options));
}

export function stateOf(task: TaskState): TaskState {
  const { id, status, version, comment, notApplicableReason, completedAt, doneOn, plannedOn, plannedTime, plannedPlace, plannedLead, updatedAt, completedById, completedBy } = task;
  return { id, status, version, comment, notApplicableReason, completedAt, doneOn, plannedOn, plannedTime, plannedPlace, plannedLead, updatedAt, completedById, completedBy };
}

/** Changes a task's status in one transaction (or in the caller's, when db is a transaction client). */
export async function changeTaskStatus(actor: Actor, input: unknown, db: DbClient = getDb(), options: ChangeStatusOptions = {}) {
  return inTransaction(db, (tx) => changeTaskStatusIn(tx, actor, input, options));
}

/** Adds a comment in one transaction (or in the caller's, when db is a transaction client). */
export async function addTaskComment(actor: Actor, input: unknown, db: DbClient = getDb(), options: { today?: Date } = {}) {
  return inTransaction(db, (tx) => addTaskCommentIn(tx, actor, input, options));
}
