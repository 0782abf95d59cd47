"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ProgressFigures } from "@/lib/tasks/progress";
import type { TaskFilterKey } from "@/lib/tasks/status";
import { Progress } from "./badges";
import { factsCount, factsNow, factsProgress, type FactNow, type TaskFact } from "./task-facts";
import { statusNow, useTaskChanges } from "./task-store";

const Facts = createContext<TaskFact[] | null>(null);

/**
 * The checklist's tasks as facts, for the counts below: they count what the server counted (lib/tasks/progress.ts,
 * lib/tasks/status.ts) and follow each task changed in this browser (task-store.ts), so a tick-off updates the page's
 * figures without re-rendering it (docs/decisions/033).
 */
export function LiveChecklist({ facts, children }: { facts: TaskFact[]; children: ReactNode }) {
  return <Facts.Provider value={facts}>{children}</Facts.Provider>;
}

function useFactsNow(): FactNow[] | null {
  const facts = useContext(Facts);
  const changes = useTaskChanges();
  return facts ? factsNow(facts, (task) => statusNow(changes, task)) : null;
}

/** The progress bar of a phase (by its index) or of the whole list; the server's figures outside LiveChecklist. */
export function LiveProgress({ figures, phase, label }: { figures: ProgressFigures; phase?: number; label: string }) {
  const tasks = useFactsNow();
  const live = tasks ? factsProgress(phase === undefined ? tasks : tasks.filter((t) => t.phase === phase)) : figures;
  return <Progress figures={live} label={label} />;
}

/** How many tasks a filter has ("current": this month's not yet handled); `count` outside LiveChecklist. */
export function LiveCount({ filter, count }: { filter: TaskFilterKey | "current"; count: number }) {
  const tasks = useFactsNow();
  return <>{tasks ? factsCount(tasks, filter) : count}</>;
}
