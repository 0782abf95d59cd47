import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { mulberry32 } from "@/lib/review/sampling";
import { countProgress } from "@/lib/tasks/progress";
import type { ChecklistTask } from "@/lib/tasks/queries";
import { CHECKLIST_FILTERS } from "@/lib/tasks/schemas";
import { isCurrent, isHandled, isOverdue, isPastDue, matchesFilter, statusMatchesFilter } from "@/lib/tasks/status";
import { factsCount, factsNow, factsProgress } from "@/components/checklist/task-facts";
import { checklistFacts } from "@/components/checklist/task-view";

// The checklist's counts in the browser (components/checklist/live-counts.tsx, docs/decisions/033) must count as the
// server counts (lib/tasks/progress.ts, lib/tasks/status.ts), before and after a tick-off made on the page.
const STATUSES: TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];
const today = utcDate(2026, 6, 15);

function randomTasks(seed: number, n: number) {
  const random = mulberry32(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const month = 1 + Math.floor(random() * 12);
    const status = pick(STATUSES);
    const startsOn = random() < 0.1 ? null : utcDate(2026, month, 1);
    const dueOn = random() < 0.1 ? null : utcDate(2026, month, 28);
    // Now and then klar with a done date after today (a module's event recorded ahead): not klar "by today".
    const doneOn = status === "DONE" ? utcDate(2026, Math.max(1, month - 1), random() < 0.1 ? 30 : 10) : null;
    const phase = pick(["a", "b", "c"]);
    const task = { id: `t${i}`, version: 1 + Math.floor(random() * 4), status, startsOn, dueOn, doneOn, activity: { phase: { key: phase }, routineVersion: { routineId: "r" } } };
    return { ...task, overdue: isOverdue(task, today), pastDue: isPastDue(task, today), current: isCurrent(task, today) } as unknown as ChecklistTask;
  });
}

const phases = [{ key: "r/a" }, { key: "r/b" }, { key: "r/c" }];

describe("the checklist's counts in the browser", () => {
  it("a status matches a filter as the task does", () => {
    for (const task of randomTasks(1, 200)) {
      for (const filter of CHECKLIST_FILTERS) expect(statusMatchesFilter(task.status, task.pastDue, filter)).toBe(matchesFilter(task, filter, today));
    }
  });

  it("count the server's figures from the facts, and follow the statuses changed in the browser", () => {
    for (const seed of [2, 3, 4, 5]) {
      const tasks = randomTasks(seed, 60);
      const facts = checklistFacts(tasks, phases, today);
      const counted = (list: ChecklistTask[]) => {
        const now = factsNow(facts, (t) => list.find((x) => x.id === t.id)!.status);
        return {
          progress: factsProgress(now),
          phases: phases.map((_, i) => factsProgress(now.filter((t) => t.phase === i))),
          filters: Object.fromEntries(CHECKLIST_FILTERS.map((f) => [f, factsCount(now, f)])),
          current: factsCount(now, "current"),
        };
      };
      const server = (list: ChecklistTask[]) => ({
        progress: countProgress(list, today),
        phases: phases.map((p) => countProgress(list.filter((t) => `r/${t.activity.phase.key}` === p.key), today)),
        filters: Object.fromEntries(CHECKLIST_FILTERS.map((f) => [f, list.filter((t) => matchesFilter(t, f, today)).length])),
        current: list.filter((t) => t.current && !isHandled(t.status)).length,
      });
      expect(counted(tasks)).toEqual(server(tasks));

      // Tick-offs on the page: every fifth task gets another status (klar today when it becomes klar).
      const random = mulberry32(seed * 7);
      const after = tasks.map((t, i) => {
        if (i % 5 !== 0) return t;
        const status = STATUSES.filter((s) => s !== t.status)[Math.floor(random() * 3)]!;
        return { ...t, status, doneOn: status === "DONE" ? today : null };
      });
      expect(counted(after)).toEqual(server(after));
      expect(counted(after)).not.toEqual(counted(tasks));
    }
  });
});
