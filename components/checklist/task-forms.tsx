"use client";

import type { FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { COMMENT_MAX_LENGTH, REASON_MAX_LENGTH } from "@/lib/tasks/status";
import type { TaskActionState } from "./action-state";
import type { TaskView } from "./task-view";

const STATUS_BUTTONS: { status: TaskStatus; label: string }[] = [
  { status: "NOT_STARTED", label: "Ej påbörjad" },
  { status: "IN_PROGRESS", label: "Pågår" },
  { status: "DONE", label: "Klar" },
];

type Props = {
  task: TaskView;
  status: TaskStatus;
  state: TaskActionState;
  formAction: (data: FormData) => void;
  /** What the status buttons post to without JavaScript. */
  postAction: (data: FormData) => void | Promise<void>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** The task and the version read; a form without intent changes the status (app/(app)/checklista/actions.ts). */
function Hidden({ task, intent }: { task: TaskView; intent?: "comment" }) {
  return (
    <>
      {intent && <input type="hidden" name="intent" value={intent} />}
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </>
  );
}

/** A textarea with its label, hint and errors linked for screen readers. */
function TextField({ id, name, label, hint, errors, defaultValue }: { id: string; name: string; label: string; hint: string; errors?: string[]; defaultValue?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-describedby={errors ? `${id}-hint ${id}-fel` : `${id}-hint`}
        aria-invalid={errors ? true : undefined}
        className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      {errors && (
        <p id={`${id}-fel`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

const primary = `${buttonClass()} text-sm`;
// The status buttons: three on every task of the checklist, so their looks are named once (app/globals.css).
const statusButton = (on: boolean) => (on ? "task-btn task-btn-on" : "task-btn");

/**
 * The status buttons, "ej aktuell" with its reason, and a comment; each a plain form posting to the action. A task
 * done in a module gets no status buttons (its module sets them): only ej aktuell while nothing is recorded, and
 * the way back from it.
 */
export function TaskForms({ task, status, state, formAction, postAction, onSubmit }: Props) {
  const failed = state && !state.ok ? state : null;
  const buttons = task.module ? (status === "NOT_APPLICABLE" ? [{ status: "NOT_STARTED" as const, label: "Aktuell igen" }] : []) : STATUS_BUTTONS;
  const offerNotApplicable = task.module ? task.module.mayBeNotApplicable && status !== "NOT_APPLICABLE" : status !== "NOT_APPLICABLE";
  const reasonErrors = failed?.errors?.reason;
  const commentErrors = failed?.errors?.comment;
  return (
    <div className="task-forms">
      {buttons.length > 0 && (
        <form action={postAction} onSubmit={onSubmit} noValidate>
          <Hidden task={task} />
          <div role="group" aria-label={`Status för ${task.title}`}>
            {buttons.map((b) => (
              <button
                key={b.status}
                type="submit"
                name="status"
                value={b.status}
                aria-pressed={status === b.status}
                className={statusButton(status === b.status)}
              >
                {b.status === "DONE" && <span aria-hidden="true">✓ </span>}
                {b.label}
              </button>
            ))}
          </div>
        </form>
      )}
      {offerNotApplicable && (
        <Disclosure defaultOpen={Boolean(reasonErrors)} summaryClassName="task-fold" summary="Ej aktuell …" withoutScript={<NeedsScript />}>
          <form action={formAction} onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-slate-300 p-3">
            <Hidden task={task} />
            <input type="hidden" name="status" value="NOT_APPLICABLE" />
            <TextField
              id={`motivering-${task.id}`}
              name="reason"
              label="Varför är uppgiften inte aktuell?"
              hint={`Obligatorisk, högst ${REASON_MAX_LENGTH} tecken.`}
              errors={reasonErrors}
              defaultValue={failed?.values?.reason}
            />
            <button type="submit" className={primary}>
              Markera som ej aktuell
            </button>
          </form>
        </Disclosure>
      )}
      <Disclosure defaultOpen={Boolean(commentErrors || failed?.values?.comment)} summaryClassName="task-fold" summary="Kommentera …" withoutScript={<NeedsScript />}>
        <form action={formAction} onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-slate-300 p-3">
          <Hidden task={task} intent="comment" />
          <TextField
            id={`kommentar-${task.id}`}
            name="comment"
            label="Kommentar"
            hint={`Högst ${COMMENT_MAX_LENGTH} tecken. Skriv inga namn eller personnummer på brukare.`}
            errors={commentErrors}
            defaultValue={failed?.values?.comment}
          />
          <button type="submit" className={primary}>
            Spara kommentar
          </button>
        </form>
      </Disclosure>
    </div>
  );
}

/** What a folded form says in a browser without JavaScript (the status buttons above work without it). */
function NeedsScript() {
  return <p className="needs-script">Formuläret kräver JavaScript.</p>;
}
