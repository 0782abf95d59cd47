import "server-only";
import type { z } from "zod";
import { getDb, type DbClient } from "../db/index.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { cycleOpenUntil, cycleSpan, dateFromIso, formatCycleSpan, formatDateIso, formatDateLong, isOpenCycleYear } from "../dates/cycle.ts";
import { getCycleCalendar } from "../cycle-calendar.ts";
import { fail, transact } from "../db/transaction.ts";
import { fieldErrorsOf, INVALID_FORM, type Failure } from "../forms.ts";
import { setModuleTaskStatus } from "../tasks/mutations.ts";
import { outsideWindowWarning } from "../tasks/plan.ts";
import { DISPATCH_METHOD_LABELS, recordLetterSchema, undoLetterSchema, type RecordLetterInput } from "./schemas.ts";
import * as clock from "../clock.ts";

export type LetterResult = { ok: true; message: string; warning?: string } | Failure;

export const NOT_YOUR_UNIT = "Du registrerar inte brukarbrev för den enheten.";

function invalid(error: z.ZodError): Failure {
  return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(error) };
}

type DispatchFacts = { sentOn: Date; count: number; method: RecordLetterInput["method"]; methodOther: string | null; note: string | null };

function describeDispatch(d: DispatchFacts): string {
  const method = d.method === "OTHER" ? `${DISPATCH_METHOD_LABELS.OTHER.toLowerCase()}: ${d.methodOther}` : DISPATCH_METHOD_LABELS[d.method].toLowerCase();
  return `skickat ${formatDateLong(d.sentOn)}, ${d.count} brev, ${method}`;
}

function auditFacts(d: DispatchFacts & { version?: number }) {
  return { sentOn: formatDateIso(d.sentOn), count: d.count, method: d.method, methodOther: d.methodOther, note: d.note, version: d.version };
}

/** The unit, cycle and letter task the actor may record for, or the failure that stops it (nothing written). */
async function findLetterTask(tx: DbClient, actor: Actor, unitId: string, year: number, letterNumber: number, today: Date) {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, area: { select: { organisationId: true } } } });
  if (!unit || !can(actor, "letter:record", { organisationId: unit.area.organisationId, unitId: unit.id })) fail(NOT_YOUR_UNIT);
  const calendar = await getCycleCalendar(tx, unit.area.organisationId);
  if (!isOpenCycleYear(year, today, calendar)) fail(`Cykeln ${year} kan inte ändras här; brukarbrev registreras i en cykel som pågår.`);
  const task = await tx.task.findFirst({
    where: { cycle: { organisationId: unit.area.organisationId, year }, unitId, activity: { kind: "LETTER", letterNumber } },
    select: { id: true, cycleId: true, status: true, version: true, startsOn: true, dueOn: true, letterDispatches: true },
  });
  if (!task) fail(`Brukarbrev ${letterNumber} finns inte i årets rutin för ${unit.name}.`);
  return { unit, task, existing: task.letterDispatches[0] ?? null, calendar };
}

/**
 * Marks a brukarbrev as sent, or corrects the record (naming the version the koordinator read). Marking it
 * sent also completes the letter's checklist task in the same transaction: the record is the one source of truth.
 */
export async function recordLetter(actor: Actor, input: unknown, db: DbClient = getDb(), options: { today?: Date } = {}): Promise<LetterResult> {
  const parsed = recordLetterSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const today = options.today ?? clock.today();
  const sentOn = dateFromIso(v.sentOn);
  if (sentOn.getTime() > today.getTime()) return { ok: false, message: "Kontrollera de markerade fälten.", errors: { sentOn: ["Datumet kan inte ligga i framtiden."] } };
  const facts: DispatchFacts = { sentOn, count: v.count, method: v.method, methodOther: v.method === "OTHER" ? v.methodOther! : null, note: v.note ?? null };

  return transact(db, async (tx) => {
    const { unit, task, existing, calendar } = await findLetterTask(tx, actor, v.unitId, v.year, v.letterNumber, today);
    // The cycle's span, not the calendar year: a cycle may begin in the December before its year.
    // An ending cycle's letter may be sent after its last day, while the cycle is open for efterarbete (decision 020).
    const span = cycleSpan(v.year, calendar);
    const lastDay = cycleOpenUntil(v.year, calendar);
    if (sentOn < span.startsOn || sentOn > lastDay) {
      fail("Kontrollera de markerade fälten.", { sentOn: [`Datumet ska ligga i cykeln ${v.year} (${formatCycleSpan(v.year, calendar)}) eller i dess efterarbete till och med ${formatDateLong(lastDay)}.`] });
    }
    const title = `Brukarbrev ${v.letterNumber} för ${unit.name}`;
    if (existing) {
      if (v.version !== existing.version) {
        fail(`${title} har ändrats av någon annan medan du hade sidan öppen (nu ${describeDispatch(existing)}). Se uppgifterna som de är nu och rätta igen om det behövs.`);
      }
      const updated = await tx.letterDispatch.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...facts, recordedById: actor.id, version: { increment: 1 } } });
      if (updated.count === 0) fail(`${title} har ändrats av någon annan just nu. Ladda om sidan och rätta igen om det behövs.`);
      const summary = `Rättat: ${describeDispatch(existing)} → ${describeDispatch(facts)}.`;
      await tx.taskEvent.create({
        data: { taskId: task.id, actorId: actor.id, at: clock.now(), type: "LETTER_CORRECTED", comment: summary, details: { before: auditFacts(existing), after: auditFacts(facts) } },
      });
      await writeAudit(tx, {
        actorId: actor.id, action: "letter.correct", entityType: "LetterDispatch", entityId: existing.id, unitId: unit.id,
        before: auditFacts(existing), after: auditFacts({ ...facts, version: existing.version + 1 }),
      });
      // A corrected date moves the task's done date with it.
      await setModuleTaskStatus(tx, actor.id, task.id, { status: "DONE", doneOn: sentOn }, "letter");
      const farFromPlan = sentOutsideWindow(sentOn, task);
      return { ok: true as const, message: `${title} är rättat: ${describeDispatch(facts)}.`, ...(farFromPlan ? { warning: farFromPlan } : {}) };
    }

    if (v.version !== undefined) fail(`${title} har tagits bort av någon annan medan du hade sidan öppen. Registrera det igen om det skickades.`);
    const created = await tx.letterDispatch.create({
      data: { ...facts, cycleId: task.cycleId, unitId: unit.id, taskId: task.id, letterNumber: v.letterNumber, recordedById: actor.id },
    });
    await tx.taskEvent.create({
      data: { taskId: task.id, actorId: actor.id, at: clock.now(), type: "LETTER_RECORDED", comment: `Brukarbrev ${v.letterNumber}: ${describeDispatch(facts)}.`, details: { after: auditFacts(facts) } },
    });
    await writeAudit(tx, { actorId: actor.id, action: "letter.record", entityType: "LetterDispatch", entityId: created.id, unitId: unit.id, after: auditFacts({ ...facts, version: 1 }) });
    // Klar on the day the letter was sent, whenever it is recorded.
    await setModuleTaskStatus(tx, actor.id, task.id, { status: "DONE", doneOn: sentOn }, "letter");
    const previous =
      v.letterNumber > 1
        ? await tx.letterDispatch.findUnique({ where: { cycleId_unitId_letterNumber: { cycleId: created.cycleId, unitId: unit.id, letterNumber: v.letterNumber - 1 } }, select: { id: true } })
        : { id: "" };
    const warnings = [sentOutsideWindow(sentOn, task), previous ? null : `Obs! Brukarbrev ${v.letterNumber - 1} är inte registrerat som skickat ännu. Registrera det också om det har skickats.`].filter(Boolean);
    const warning = warnings.length > 0 ? warnings.join(" ") : undefined;
    return { ok: true as const, message: `${title} är registrerat som skickat (${describeDispatch(facts)}) och markerat som klart i checklistan.`, ...(warning ? { warning } : {}) };
  });
}

/** The plan form's warning (lib/tasks/plan.ts) for a letter sent outside its month: saved, but said (issue 32). */
function sentOutsideWindow(sentOn: Date, task: { startsOn: Date | null; dueOn: Date | null }): string | null {
  const outside = outsideWindowWarning(sentOn, task);
  return outside ? `Obs! ${outside} Kontrollera datumet; registreringen är sparad.` : null;
}

/** Takes back a record of a letter that was not sent after all; the task goes back to ej påbörjad. Kept in the history. */
export async function undoLetter(actor: Actor, input: unknown, db: DbClient = getDb(), options: { today?: Date } = {}): Promise<LetterResult> {
  const parsed = undoLetterSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const today = options.today ?? clock.today();
  return transact(db, async (tx) => {
    const { unit, task, existing } = await findLetterTask(tx, actor, v.unitId, v.year, v.letterNumber, today);
    const title = `Brukarbrev ${v.letterNumber} för ${unit.name}`;
    if (!existing || existing.version !== v.version) fail(`${title} har ändrats av någon annan medan du hade sidan öppen. Ladda om sidan.`);
    await tx.letterDispatch.delete({ where: { id: existing.id } });
    await tx.taskEvent.create({
      data: { taskId: task.id, actorId: actor.id, at: clock.now(), type: "LETTER_CORRECTED", comment: `Registreringen togs bort (var ${describeDispatch(existing)}).`, details: { before: auditFacts(existing), after: null } },
    });
    await writeAudit(tx, { actorId: actor.id, action: "letter.undo", entityType: "LetterDispatch", entityId: existing.id, unitId: unit.id, before: auditFacts(existing) });
    await setModuleTaskStatus(tx, actor.id, task.id, { status: "NOT_STARTED", doneOn: null }, "letter");
    return { ok: true as const, message: `Registreringen av ${title.charAt(0).toLowerCase()}${title.slice(1)} är borttagen och uppgiften är ej påbörjad igen.` };
  });
}
