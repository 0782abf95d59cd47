"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { TaskAction } from "@/components/checklist/action-state";
import type { TaskView } from "@/components/checklist/task-view";
import type { PlanAction } from "@/components/planning/plan-form";
import { Link } from "@/components/ui/link";
import { fetchPanelJson } from "./fetch-panel";

/** The route that answers one task as the checklist shows it (app/(app)/checklista/uppgift/[id]/panel/route.ts). */
export const taskPanelHref = (taskId: string) => `/checklista/uppgift/${encodeURIComponent(taskId)}/panel`;

type TaskItemComponent = typeof import("@/components/checklist/task-item").TaskItem;
let taskItemModule: Promise<TaskItemComponent> | undefined;
/**
 * The checklist's card with its forms, loaded with the first panel's task rather than with the page: the start page's
 * first-load JavaScript stays without it (issue 35). Loaded once; a failed load is tried again at the next panel.
 */
function loadTaskItem(): Promise<TaskItemComponent | null> {
  taskItemModule ??= import("@/components/checklist/task-item").then((m) => m.TaskItem);
  return taskItemModule.catch(() => {
    taskItemModule = undefined;
    return null;
  });
}

type Loaded = { state: "loading" } | { state: "shown"; task: TaskView } | { state: "none" } | { state: "failed" };

async function fetchTask(taskId: string): Promise<TaskView | "none" | "failed"> {
  const answer = await fetchPanelJson<{ task: TaskView }>(taskPanelHref(taskId));
  return typeof answer === "object" ? answer.task : answer;
}

/**
 * The user's own task of an activity in the start page's panel: fetched when the panel opens (docs/decisions/032)
 * and shown as the checklist shows it (TaskItem, with its forms). After a change the panel fetches the task again
 * inside the same transition, so the optimistic state gives way to the saved one, never to the state before it.
 */
export function WheelTaskPanel({ taskId, action, planAction }: { taskId: string; action: TaskAction; planAction?: PlanAction }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  // A failed refetch keeps the task shown; the server action's own message says what happened.
  const show = (result: Awaited<ReturnType<typeof fetchTask>>) =>
    setLoaded((now) => (typeof result === "object" ? { state: "shown", task: result } : now.state === "shown" ? now : { state: result }));
  const refresh = useCallback(async () => show(await fetchTask(taskId)), [taskId]);
  const [TaskItem, setTaskItem] = useState<TaskItemComponent | null>(null);
  useEffect(() => {
    let live = true;
    // The task and the card's code side by side; the task is shown when both are here.
    void Promise.all([fetchTask(taskId), loadTaskItem()]).then(([result, item]) => {
      if (!live) return;
      if (item) setTaskItem(() => item);
      show(item ? result : "failed");
    });
    return () => {
      live = false;
    };
  }, [taskId]);
  const router = useRouter();
  const save = useCallback<TaskAction>(
    async (prev, data) => {
      const result = await action(prev, data);
      await refresh();
      // The tick-off answers with the task only (docs/decisions/033): the wheel's mark and level follow by a render of
      // the page afterwards, outside the tick-off's own answer.
      if (result?.ok) router.refresh();
      return result;
    },
    [action, refresh, router],
  );
  const plan = useCallback<PlanAction>(
    async (prev, data) => {
      const result = await planAction!(prev, data);
      await refresh();
      return result;
    },
    [planAction, refresh],
  );

  // The panel was scrolled into view when it opened, with "Hämtar uppgiften …" in it: once the task is there, the
  // whole panel again (its buttons below the wheel at 1280 × 800), as when the page sent the task along.
  const list = useRef<HTMLOListElement>(null);
  const scrolled = useRef(false);
  // Before the browser paints the task (a layout effect), so that the panel never shows it half out of view.
  useLayoutEffect(() => {
    if (loaded.state !== "shown" || scrolled.current) return;
    scrolled.current = true;
    list.current?.closest(".wheel-details")?.scrollIntoView({ block: "nearest" });
  }, [loaded.state]);

  const historyHref = `/checklista/uppgift/${taskId}`;
  if (loaded.state === "none") return null;
  if (loaded.state === "loading") {
    return (
      <p role="status" className="text-sm text-slate-700">
        Hämtar uppgiften …
      </p>
    );
  }
  if (loaded.state === "failed" || !TaskItem) {
    return (
      <p role="status" className="text-sm">
        Uppgiften kunde inte hämtas.{" "}
        <Link href={historyHref} className="text-blue-800 underline">
          Öppna uppgiftens sida
        </Link>
      </p>
    );
  }
  return (
    <ol ref={list}>
      <TaskItem task={loaded.task} action={save} planAction={planAction ? plan : undefined} historyHref={historyHref} />
    </ol>
  );
}
