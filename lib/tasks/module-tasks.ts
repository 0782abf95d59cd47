/**
 * Tasks that are done in a module rather than ticked in the checklist: the brukarbrev (done when the koordinator
 * records the letter as sent) and the quality review's steps (done when the list is imported, the sample drawn,
 * the sampled clients interviewed and the summary declared complete). The module is the source of truth; the
 * checklist shows a link there, and the server refuses a status change by hand (see lib/tasks/mutations.ts).
 */
import type { ActivityKind, TaskStatus } from "../db/generated/enums.ts";
import { isOverdue } from "./status.ts";

/** The quality review's activity keys (stable across routine versions) and the step of the module each follows. */
export const REVIEW_STEPS = {
  "importera-arendelista": "import",
  "dra-urval": "draw",
  "intervjua-utvalda": "interviews",
  "sammanstall-avvikelser": "summary",
} as const;
export type ReviewStep = (typeof REVIEW_STEPS)[keyof typeof REVIEW_STEPS];
export const REVIEW_TASK_KEYS = Object.keys(REVIEW_STEPS);

export type TaskModule = { kind: "letter" } | { kind: "review"; step: ReviewStep };

/** Which module drives a task of this activity, or null for a task ticked in the checklist. */
export function taskModuleOf(activity: { kind: ActivityKind; key: string }): TaskModule | null {
  if (activity.kind === "LETTER") return { kind: "letter" };
  const step = (REVIEW_STEPS as Record<string, ReviewStep | undefined>)[activity.key];
  return step ? { kind: "review", step } : null;
}

/** What a module has recorded for one year's review; null before the first import. Dates are calendar dates. */
export type ReviewFacts = {
  importedOn: Date;
  drawnOn: Date | null;
  /** Cases in the sample now (declined ones left out: their replacements are in). */
  sampled: number;
  interviewed: number;
  lastInterviewOn: Date | null;
  summarisedOn: Date | null;
};

/** The status (and done date) a module gives its task. */
export type ModuleStatus = { status: Exclude<TaskStatus, "NOT_APPLICABLE">; doneOn: Date | null };

const NOT_STARTED: ModuleStatus = { status: "NOT_STARTED", doneOn: null };

/**
 * The status of a review step's task from what the review holds: import and draw are klar on their day; the
 * interviews pågår from the first and are klar when every sampled client (declined ones replaced) is interviewed,
 * on the day of the last; the summary is klar on the day it was declared complete.
 */
export function reviewStepStatus(step: ReviewStep, facts: ReviewFacts | null): ModuleStatus {
  if (!facts) return NOT_STARTED;
  switch (step) {
    case "import":
      return { status: "DONE", doneOn: facts.importedOn };
    case "draw":
      return facts.drawnOn ? { status: "DONE", doneOn: facts.drawnOn } : NOT_STARTED;
    case "interviews":
      if (!facts.drawnOn || facts.interviewed === 0) return NOT_STARTED;
      return facts.interviewed >= facts.sampled ? { status: "DONE", doneOn: facts.lastInterviewOn } : { status: "IN_PROGRESS", doneOn: null };
    case "summary":
      return facts.summarisedOn ? { status: "DONE", doneOn: facts.summarisedOn } : NOT_STARTED;
  }
}

/** Whether the review's interviews are all in, so that the summary can be declared complete. */
export function interviewsComplete(facts: ReviewFacts | null): boolean {
  return reviewStepStatus("interviews", facts).status === "DONE";
}

export const LETTER_DONE_VIA_RECORD = "Ett brukarbrev blir klart när koordinatorn registrerar det som skickat (datum, antal och sätt) under Brukarbrev.";
export const LETTER_RECORDED = "Brukarbrevet är registrerat som skickat. Om det inte skickades tar koordinatorn bort registreringen under Brukarbrev.";

const REVIEW_DONE_VIA: Record<ReviewStep, string> = {
  import: "Uppgiften blir klar när årets ärendelista importeras under Kvalitetsgranskning.",
  draw: "Uppgiften blir klar när urvalet dras under Kvalitetsgranskning.",
  interviews: "Uppgiften följer intervjuerna under Kvalitetsgranskning: den pågår från den första och blir klar när alla i urvalet är intervjuade.",
  summary: "Uppgiften blir klar när sammanställningen markeras som klar under Kvalitetsgranskning.",
};

/** How a module-driven task becomes klar, in the words the checklist shows and the server answers with. */
export function moduleRuleText(module: TaskModule): string {
  return module.kind === "letter" ? LETTER_DONE_VIA_RECORD : REVIEW_DONE_VIA[module.step];
}

/** The refusal when a review step already has something recorded and may not be set aside by hand. */
export const REVIEW_RECORDED = "Det som gjorts under Kvalitetsgranskning styr uppgiften; den kan inte ändras för hand.";

/**
 * A brukarbrev's state: sent (with its record, on time or late), ej aktuell (the unit does not send it this year),
 * missing (due date passed, no record) or still planned. The one place it is decided: the koordinator's page, the
 * enhetschef's read-only view, the verksamhet overview, its CSV and the checklist all show this.
 */
export type LetterState = "sent" | "sent-late" | "not-applicable" | "missing" | "planned";

export const STATE_LABELS: Record<LetterState, string> = {
  sent: "Skickat",
  "sent-late": "Skickat sent",
  "not-applicable": "Ej aktuellt",
  missing: "Saknas",
  planned: "Planerat",
};

export function letterState(task: { status: TaskStatus; dueOn: Date | null } | null, dispatch: { sentOn: Date } | null, today: Date): LetterState {
  if (dispatch) return task?.dueOn && dispatch.sentOn.getTime() > task.dueOn.getTime() ? "sent-late" : "sent";
  if (task?.status === "NOT_APPLICABLE") return "not-applicable";
  if (task && isOverdue(task, today)) return "missing";
  return "planned";
}
