/**
 * The one way Årshjulet counts how far a cycle (or a unit) has come. Every page that shows a share done (the
 * wheel, Översikt and its year-over-year comparison, Årets cykler, the heat map, the checklist) takes its figures
 * from here or from getCycleProgress in progress-queries.ts, which counts the same way in SQL.
 *
 * - Ej aktuell tasks are left out of every figure: they were never meant to be done.
 * - A task is klar at a date when its status is klar and its done date (the event's date for module-driven
 *   tasks, see Task.doneOn) is on or before that date.
 * - "Skulle vara klara" are the tasks due on or before the date; tasks without a due date count only in the year.
 */
import type { TaskStatus } from "../db/generated/enums.ts";

export type ProgressFigures = {
  /** Tasks that count: all but ej aktuell. */
  total: number;
  /** Ej aktuell, shown next to the figures but counted in none of them. */
  notApplicable: number;
  /** Klar on or before the date. */
  done: number;
  /** Due on or before the date. */
  due: number;
  /** Due on or before the date and klar on or before it. */
  dueDone: number;
};

export const emptyProgress = (): ProgressFigures => ({ total: 0, notApplicable: 0, done: 0, due: 0, dueDone: 0 });

export type ProgressTask = { status: TaskStatus; dueOn: Date | null; doneOn: Date | null };

/** The figures of a set of tasks at a date (a calendar date at UTC midnight, as lib/clock gives today). */
export function countProgress(tasks: ProgressTask[], date: Date): ProgressFigures {
  const figures = emptyProgress();
  for (const t of tasks) {
    if (t.status === "NOT_APPLICABLE") {
      figures.notApplicable += 1;
      continue;
    }
    const done = t.status === "DONE" && t.doneOn !== null && t.doneOn.getTime() <= date.getTime();
    const due = t.dueOn !== null && t.dueOn.getTime() <= date.getTime();
    figures.total += 1;
    if (done) figures.done += 1;
    if (due) figures.due += 1;
    if (due && done) figures.dueDone += 1;
  }
  return figures;
}

/** Klara av dem som skulle vara klara vid datumet; null when nothing was due. */
export function shareDueDone(f: ProgressFigures): number | null {
  return f.due === 0 ? null : f.dueDone / f.due;
}

/** Klara av hela året; null when the year has no task that counts. */
export function shareOfYear(f: ProgressFigures): number | null {
  return f.total === 0 ? null : f.done / f.total;
}

/** What each figure measures, written next to it on every page. */
export const PROGRESS_LABELS = {
  dueDone: "Klara av dem som skulle vara klara i dag",
  year: "Klara av hela året",
} as const;

/** "Klara av dem som skulle vara klara 2 december 2025" for an earlier year's figure at the same date. */
export function dueDoneLabelAt(dateText: string | null): string {
  return dateText ? `Klara av dem som skulle vara klara ${dateText}` : PROGRESS_LABELS.dueDone;
}

/** "Ej aktuella (3) räknas inte." – the note that says how ej aktuell is treated. */
export function notApplicableNote(f: ProgressFigures): string {
  return f.notApplicable === 0 ? "Ej aktuella uppgifter räknas inte." : `Ej aktuella uppgifter (${f.notApplicable}) räknas inte.`;
}

/** "83 %" – a share as a whole percentage, rounded down so that 99.6 % is never shown as done; "–" for none. */
export function formatShare(value: number | null): string {
  if (value === null) return "–";
  return `${value >= 1 ? 100 : Math.floor(value * 100)} %`;
}
