"use client";

import type { TaskStatus } from "@/lib/db/generated/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { statusNow, useTaskChanges } from "./task-store";

/** A task's status in lower case ("klar"), following a tick-off made on the page (task-store.ts, docs/decisions/033). */
export function LiveStatusText({ id, status, version }: { id: string; status: TaskStatus; version: number }) {
  const changes = useTaskChanges();
  return <>{TASK_STATUS_LABELS[statusNow(changes, { id, status, version })].toLowerCase()}</>;
}
