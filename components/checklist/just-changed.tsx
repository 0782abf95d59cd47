"use client";

import type { FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import type { TaskView } from "./task-view";

/**
 * The confirmation on a task the user just changed out of the chosen filter (e.g. ticked under "Att göra"): what
 * happened, and Ångra, which puts the previous status back as an ordinary, audited and version-checked change.
 */
export function JustChanged({ task, justChanged, announced, formAction, onSubmit }: {
  task: TaskView;
  justChanged: TaskView["justChanged"];
  /** The task's live region has just said the same: screen readers then hear it once. */
  announced: boolean;
  formAction: (data: FormData) => void | Promise<void>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  if (!justChanged) return null;
  const { message, undoLabel } = justChanged;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
      <p>
        <span className="font-semibold" aria-hidden={announced || undefined}>{message}</span> Den ligger kvar här en stund, fast den inte längre hör till filtret.
      </p>
      {task.canUpdate && undoLabel && (
        <form action={formAction} onSubmit={onSubmit} noValidate data-undo="">
          <input type="hidden" name="intent" value="undo" />
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={task.version} />
          <button type="submit" className={buttonClass({ variant: "secondary" })}>
            Ångra<span className="sr-only">: sätt ”{task.title}” tillbaka till {undoLabel}</span>
          </button>
        </form>
      )}
    </div>
  );
}
