"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { PlanAction } from "@/components/planning/plan-form";
import type { TaskAction, TaskPostAction } from "./action-state";

type Actions = { action: TaskAction; postAction?: TaskPostAction; planAction?: PlanAction };
const TaskActions = createContext<Partial<Actions>>({});

/**
 * The checklist's actions for every task below, given once instead of to each of its forty TaskItems (each would repeat
 * the references in the page's payload).
 */
export function TaskActionsProvider({ children, ...actions }: Actions & { children: ReactNode }) {
  return <TaskActions.Provider value={actions}>{children}</TaskActions.Provider>;
}

/** The actions a task uses: its own props first, then those of TaskActionsProvider. */
export function useTaskActions(own: Partial<Actions>): Partial<Actions> {
  const given = useContext(TaskActions);
  return { action: own.action ?? given.action, postAction: own.postAction ?? given.postAction, planAction: own.planAction ?? given.planAction };
}
