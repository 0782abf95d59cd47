"use client";

import { Disclosure } from "@/components/ui/disclosure";
import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useOptimistic, useRef, useTransition, type FormEvent } from "react";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { COMMENT_MAX_LENGTH, REASON_MAX_LENGTH, statusMatchesFilter, type TaskFilterKey } from "@/lib/tasks/status";
import type { TaskAction, TaskLiveState, TaskPostAction } from "./action-state";
import { publishTaskChange, useTaskChanges } from "./task-store";
import { useTaskActions } from "./task-actions";
import { CurrentBadge, OverdueBadge, TaskStatusBadge } from "./badges";
import { JustChanged } from "./just-changed";
import { TaskForms } from "./task-forms";
import type { TaskView } from "./task-view";
import { expandTaskView, type TaskWire } from "./task-wire";
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

const noAction: TaskAction = async () => ({ ok: false, message: "Uppgiften kan inte ändras här." });

/** The newest of the server's task and the states the browser has had since (by version), as the card shows it. */
function newest(task: TaskView, candidates: (TaskLiveState | undefined)[]): { view: TaskView; live: TaskLiveState | null } {
  let live: TaskLiveState | null = null;
  for (const c of candidates) if (c && c.id === task.id && c.version > (live ?? task).version) live = c;
  if (!live) return { view: task, live: null };
  const { version, status, comment, reason, completed } = live;
  return { view: { ...task, version, status, comment, reason, completed, justChanged: null }, live };
}

/**
 * One task of the checklist. Changes show at once (useOptimistic); the action answers with the task as it is now
 * (not the page, docs/decisions/033), which the card shows and publishes for the page's counts; when the server
 * refuses, its Swedish message goes in the live region. Without JavaScript the same forms post to the action.
 * filter: the checklist's filter, so that a task changed out of it stays in view with Ångra.
 */
export function TaskItem({ task: wire, historyHref = `/checklista/uppgift/${wire.id}`, filter = "alla", ...own }: {
  task: TaskWire;
  /** The actions, or those of a TaskActionsProvider above (task-actions.tsx). */
  action?: TaskAction;
  /** Where the status and Ångra forms post without JavaScript (their HTML is then smaller); else `action`. */
  postAction?: TaskPostAction;
  planAction?: PlanAction;
  historyHref?: string;
  filter?: TaskFilterKey;
}) {
  const rendered = expandTaskView(wire);
  const { action, postAction, planAction } = useTaskActions(own);
  const [state, formAction, pending] = useActionState(action ?? noAction, null);
  const [, startTransition] = useTransition();
  const changes = useTaskChanges();
  const { view: task, live } = newest(rendered, [state?.task, changes.get(rendered.id)]);
  const [shown, setShown] = useOptimistic<Shown, Partial<Shown>>({ status: task.status, comment: task.comment, reason: task.reason }, (s, patch) => ({ ...s, ...patch }));
  const lastForm = useRef<HTMLFormElement | null>(null);
  // What the user's own last status change did: from the action's answer, or (a page re-rendered after a post without
  // JavaScript) as the server says. Changed out of the filter, the task stays in view with it and Ångra; else the live
  // region says it.
  const changed = live ? live.justChanged : rendered.justChanged;
  const justChanged = changed && !statusMatchesFilter(task.status, rendered.pastDue, filter) ? changed : null;
  const said = state?.message ?? (!live && !justChanged && changed ? changed.message : null);
  const saidOk = state ? state.ok : said !== null;

  // The answer's task, for the rest of the page (counts, the menu's badge) and any other card of the same task.
  const answered = state?.task;
  useEffect(() => {
    if (!answered) return;
    publishTaskChange({ ...answered, base: { status: rendered.status, version: rendered.version }, countsAsOverdue: rendered.pastDue && rendered.canUpdate });
  }, [answered, rendered.status, rendered.version, rendered.pastDue, rendered.canUpdate]);

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
  const late = task.pastDue && shown.status !== "DONE" && shown.status !== "NOT_APPLICABLE";
  return (
    <li className={late ? "task-card task-late" : task.current ? "task-card task-now" : "task-card"}>
      <div className="task-head">
        <h3 id={headingId} tabIndex={-1}>
          {task.title}
        </h3>
        <p className="task-badges">
          <TaskStatusBadge status={shown.status} />
          {late && <OverdueBadge />}
          {task.current && <CurrentBadge />}
          {task.local && <span className="rounded border border-violet-800 bg-violet-50 px-2 py-0.5 text-sm text-violet-900">Enhetens egen</span>}
        </p>
      </div>
      <p className="task-meta">{`Ansvarig: ${task.responsible}${task.when ? ` · ${task.when}` : ""}`}</p>
      {(task.plan.text || task.plan.dayBound) && (
        <p className="task-text">
          <span className="font-semibold">Planerad:</span> {task.plan.text ?? "inte planerad ännu"}
          {task.plan.warning && <span className="block font-medium text-amber-900">Observera: {task.plan.warning}</span>}
        </p>
      )}
      {task.description && <p className="task-text">{task.description}</p>}
      {shown.status === "NOT_APPLICABLE" && shown.reason && (
        <p className="task-more">
          <span className="font-semibold">Ej aktuell eftersom:</span> {shown.reason}
        </p>
      )}
      {task.completed && shown.status === "DONE" && <p className="task-more text-slate-700">{task.completed}</p>}
      {shown.comment && (
        <p className="task-more">
          <span className="font-semibold">Senaste kommentar:</span> {shown.comment}
        </p>
      )}
      {task.module && (
        <div className="task-box">
          {task.module.state && <p className="font-semibold">{task.module.state}</p>}
          <p>{task.module.rule}</p>
          {task.module.href && (
            <p className="mt-1">
              <Link href={task.module.href} className="link">
                {task.module.linkText}
                <span className="sr-only">{` för ${task.title}`}</span>
              </Link>
            </p>
          )}
        </div>
      )}
      {task.planning && (
        <div className="task-box">
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
            <Link href={task.planning.href} className="link">
              Se planeringen per enhet i Översikt
            </Link>
          </p>
        </div>
      )}
      <JustChanged task={task} justChanged={justChanged} announced={Boolean(state?.ok)} formAction={postAction ?? formAction} onSubmit={submit} />
      {task.canUpdate && (
        <TaskForms task={task} status={shown.status} state={state} formAction={formAction} postAction={postAction ?? formAction} onSubmit={submit} />
      )}
      {task.canUpdate && planAction && (
        <Disclosure
          summaryClassName="task-fold-link"
          summary={
            <>
              {task.plan.text ? "Ändra planen" : "Planera"}
              <span className="sr-only">{` för ${task.title}`}</span>
            </>
          }
          withoutScript={
            <p className="task-more">
              <a href={`${historyHref}#planera`} className="link">
                Planera på uppgiftens sida
              </a>
            </p>
          }
        >
          <PlanForm taskId={task.id} version={task.version} title={task.title} window={task.plan.window} values={task.plan.values} action={planAction} />
        </Disclosure>
      )}
      <p className="task-history">
        {/* A plain link: one per task, and a Link's client component costs the server's render more than the page it opens saves (issue 35). */}
        <a href={historyHref} className="link">
          Historik<span className="sr-only">{` för ${task.title}`}</span>
        </a>
      </p>
      <div role="status" aria-live="polite" className={said !== null && !(saidOk && justChanged) ? `mt-2 rounded border p-2 text-sm ${saidOk ? "border-green-700 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}` : "sr-only"}>
        {said ?? ""}
      </div>
    </li>
  );
}
