"use client";

import { Disclosure } from "@/components/ui/disclosure";
import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useOptimistic, useRef, useTransition, type FormEvent } from "react";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { COMMENT_MAX_LENGTH, REASON_MAX_LENGTH } from "@/lib/tasks/status";
import type { TaskAction } from "./action-state";
import { CurrentBadge, OverdueBadge, TaskStatusBadge } from "./badges";
import { JustChanged } from "./just-changed";
import { TaskForms } from "./task-forms";
import type { TaskView } from "./task-view";
import { PlanForm, type PlanAction } from "@/components/planning/plan-form";

type Shown = { status: TaskStatus; comment: string | null; reason: string | null };
const STATUSES = new Set<string>(["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]);

/** What a submitted form will change, for the optimistic view; null when the server is sure to refuse it. */
function patchFor(data: FormData, shown: Shown): Partial<Shown> | null {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  if (data.get("intent") === "comment") {
    const comment = text("comment");
    return comment && comment.length <= COMMENT_MAX_LENGTH ? { comment } : null;
  }
  const status = text("status");
  if (!STATUSES.has(status) || status === shown.status) return null;
  if (status === "NOT_APPLICABLE") {
    const reason = text("reason");
    return reason && reason.length <= REASON_MAX_LENGTH ? { status, reason } : null;
  }
  return { status: status as TaskStatus, reason: null };
}

/**
 * One task of the checklist. Changes show at once (useOptimistic) and fall back to the server's state when it
 * refuses, with its Swedish message in the live region. Without JavaScript the same forms post to the action.
 */
export function TaskItem({ task, action, planAction, historyHref }: { task: TaskView; action: TaskAction; planAction?: PlanAction; historyHref: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic<Shown, Partial<Shown>>({ status: task.status, comment: task.comment, reason: task.reason }, (s, patch) => ({ ...s, ...patch }));
  const lastForm = useRef<HTMLFormElement | null>(null);

  // After a saved reason or comment: empty the form, fold it away and put focus back on its summary. After Ångra
  // (whose button is gone) focus goes to the task's heading, so the keyboard user stays at the task.
  useEffect(() => {
    const form = lastForm.current;
    if (!state?.ok || !form) return;
    if (form.hasAttribute("data-undo")) document.getElementById(`uppgift-${task.id}`)?.focus();
    const details = form.closest("details");
    if (!details) return;
    form.reset();
    details.open = false;
    details.querySelector("summary")?.focus();
  }, [state, task.id]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    lastForm.current = form;
    startTransition(() => {
      const patch = patchFor(data, shown);
      if (patch) setShown(patch);
      formAction(data);
    });
  }

  const headingId = `uppgift-${task.id}`;
  const late = task.overdue && shown.status !== "DONE" && shown.status !== "NOT_APPLICABLE";
  const frame = late ? "border-l-8 border-slate-300 border-l-red-700" : task.current ? "border-l-8 border-blue-800" : "border-slate-300";
  return (
    <li className={`rounded-lg border bg-white p-3 shadow-sm sm:p-4 ${frame}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} tabIndex={-1} className="font-semibold">
          {task.title}
        </h3>
        <p className="flex flex-wrap gap-1">
          <TaskStatusBadge status={shown.status} />
          {late && <OverdueBadge />}
          {task.current && <CurrentBadge />}
          {task.local && <span className="rounded border border-violet-800 bg-violet-50 px-2 py-0.5 text-sm text-violet-900">Enhetens egen</span>}
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Ansvarig: {task.responsible}
        {task.when && <> · {task.when}</>}
      </p>
      {(task.plan.text || task.plan.dayBound) && (
        <p className="mt-1 text-sm">
          <span className="font-semibold">Planerad:</span> {task.plan.text ?? "inte planerad ännu"}
          {task.plan.warning && <span className="block font-medium text-amber-900">Observera: {task.plan.warning}</span>}
        </p>
      )}
      {task.description && <p className="mt-1 text-sm">{task.description}</p>}
      {shown.status === "NOT_APPLICABLE" && shown.reason && (
        <p className="mt-2 text-sm">
          <span className="font-semibold">Ej aktuell eftersom:</span> {shown.reason}
        </p>
      )}
      {task.completed && shown.status === "DONE" && <p className="mt-2 text-sm text-slate-700">{task.completed}</p>}
      {shown.comment && (
        <p className="mt-2 text-sm">
          <span className="font-semibold">Senaste kommentar:</span> {shown.comment}
        </p>
      )}
      {task.module && (
        <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
          {task.module.state && <p className="font-semibold">{task.module.state}</p>}
          <p>{task.module.rule}</p>
          {task.module.href && (
            <p className="mt-1">
              <Link href={task.module.href} className="text-blue-800 underline">
                {task.module.linkText}
                <span className="sr-only"> för {task.title}</span>
              </Link>
            </p>
          )}
        </div>
      )}
      {task.planning && (
        <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
          <p className="font-semibold">{task.planning.figure}</p>
          {task.planning.missing.length === 0 ? (
            <p>Alla enheter har planerat sina steg inom sin tid.</p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {task.planning.missing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <p className="mt-1">
            <Link href={task.planning.href} className="text-blue-800 underline">
              Se planeringen per enhet i Översikt
            </Link>
          </p>
        </div>
      )}
      <JustChanged task={task} announced={Boolean(state?.ok)} formAction={formAction} onSubmit={submit} />
      {task.canUpdate && (
        <TaskForms task={task} status={shown.status} state={state} formAction={formAction} onSubmit={submit} />
      )}
      {task.canUpdate && planAction && (
        <Disclosure
          className="mt-2"
          summaryClassName="inline-flex min-h-6 cursor-pointer items-center font-medium text-blue-800 underline"
          summary={
            <>
              {task.plan.text ? "Ändra planen" : "Planera"}
              <span className="sr-only"> för {task.title}</span>
            </>
          }
          withoutScript={
            <p className="mt-2 text-sm">
              <Link href={`${historyHref}#planera`} className="text-blue-800 underline">
                Planera på uppgiftens sida
              </Link>
            </p>
          }
        >
          <PlanForm taskId={task.id} version={task.version} title={task.title} window={task.plan.window} values={task.plan.values} action={planAction} />
        </Disclosure>
      )}
      <p className="mt-3 text-sm">
        <Link href={historyHref} className="text-blue-800 underline">
          Historik<span className="sr-only"> för {task.title}</span>
        </Link>
      </p>
      <div role="status" aria-live="polite" className={state && !(state.ok && task.justChanged) ? `mt-2 rounded border p-2 text-sm ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}` : "sr-only"}>
        {state?.message ?? ""}
      </div>
    </li>
  );
}
