"use client";

import { useState, useSyncExternalStore } from "react";
import type { TaskStatus } from "@/lib/db/generated/enums";
import type { TaskLiveState } from "./action-state";

/**
 * The tasks changed in this browser since the page was rendered: each tick-off's answer (the task as it is now) is
 * published here, and every part of the page that shows the task reads it (the task's card, the checklist's counts, the
 * menu's badge), so that a tick-off needs no re-rendered page (docs/decisions/033). A newer version wins over what the
 * server rendered; a page rendered after the change has the same or a newer version and wins over this.
 */
export type TaskChange = TaskLiveState & {
  /** The status and version the server rendered the task with before this browser changed it. */
  base: { status: TaskStatus; version: number };
  /** Whether the menu's badge counts the task when it is open (its due date has passed and the user may change it). */
  countsAsOverdue: boolean;
};

type Changes = ReadonlyMap<string, TaskChange>;
const NONE: Changes = new Map();
let changes: Changes = NONE;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a task's new state (only in the browser: called from an effect). The first base seen for a task is kept. */
export function publishTaskChange(change: TaskChange) {
  const known = changes.get(change.id);
  if (known && known.version >= change.version) return;
  changes = new Map(changes).set(change.id, known ? { ...change, base: known.base } : change);
  for (const listener of listeners) listener();
}

/** Every task changed in this browser (none on the server and while hydrating). */
export function useTaskChanges(): Changes {
  return useSyncExternalStore(subscribe, () => changes, () => NONE);
}

/** The status to show for a task the server rendered with this status and version. */
export function statusNow(changes: Changes, task: { id: string; status: TaskStatus; version: number }): TaskStatus {
  const change = changes.get(task.id);
  return change && change.version > task.version ? change.status : task.status;
}

const open = (status: TaskStatus) => status === "NOT_STARTED" || status === "IN_PROGRESS";

/**
 * A count of the user's försenade (the menu's badge) rendered by the server at `renderedAt`, plus what the tasks changed
 * in this browser since then add or take away. A newer render (another renderedAt) already counts them.
 */
export function useOverdueCount(count: number, renderedAt: number): number {
  const changes = useTaskChanges();
  const [baseline, setBaseline] = useState({ renderedAt, changes });
  if (baseline.renderedAt !== renderedAt) setBaseline({ renderedAt, changes });
  let delta = 0;
  for (const change of changes.values()) {
    if (!change.countsAsOverdue) continue;
    const before = baseline.changes.get(change.id)?.status ?? change.base.status;
    delta += Number(open(change.status)) - Number(open(before));
  }
  return Math.max(0, count + delta);
}
