import type { FlashTexts } from "../flash.ts";
import type { TaskFailureCode } from "./mutations.ts";

/**
 * What a status button or Ångra posted without JavaScript answers when the change is refused: the checklist is shown
 * again with the code in its address (lib/flash.ts) and the page says which task, by the name it looks up itself
 * (`taskFlashName`).
 * With JavaScript the task's card shows the mutation's own message instead (docs/decisions/033).
 */
export const TASK_TEXTS = {
  "andrad-av-annan": { text: "{namn} ändrades inte: någon annan hann ändra uppgiften medan du hade den öppen. Den visas nu som den är; välj igen om något ska ändras.", error: true },
  "cykeln-stangd": { text: "{namn} ändrades inte: cykeln är inte öppen för ändringar.", error: true },
  "kan-inte-andras": { text: "{namn} ändrades inte: du kan se uppgiften men inte ändra den.", error: true },
  "finns-inte": { text: "Uppgiften finns inte eller hör inte till det du kan ändra.", error: true },
  "gick-inte": { text: "{namn} ändrades inte: ändringen går inte att göra nu. Öppna uppgiften för att se varför.", error: true },
} as const satisfies FlashTexts;

export type TaskTextCode = keyof typeof TASK_TEXTS;

/** The code in the address for a refused change. */
export function taskFailureCode(code: TaskFailureCode | (string & {}) | undefined): TaskTextCode {
  switch (code) {
    case "STALE":
      return "andrad-av-annan";
    case "CLOSED":
      return "cykeln-stangd";
    case "READ_ONLY":
      return "kan-inte-andras";
    case "NOT_FOUND":
      return "finns-inte";
    default:
      return "gick-inte";
  }
}

/** The task's name in those texts: its title in quotes when the page shows the task, else "Uppgiften". */
export function taskFlashName(tasks: readonly { id: string; activity: { title: string } }[], id: string | null): string {
  const task = id ? tasks.find((t) => t.id === id) : undefined;
  return task ? `”${task.activity.title}”` : "Uppgiften";
}
