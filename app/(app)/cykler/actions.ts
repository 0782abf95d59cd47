"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { formText as field, formTexts, type FormState } from "@/lib/forms";
import { planCycleAgain, startCycle, updateTimetable } from "@/lib/cycles/mutations";

export const startCycleAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await startCycle(user, { year: field(data, "year") });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  // Only that it was started: the page counts the tasks itself (a number in the address could be anyone's, issue 30 H9).
  redirect(`/cykler/${result.year}?startad=1`);
});

export const planAgainAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await planCycleAgain(user, { cycleId: field(data, "cycleId") });
  if (result.ok) revalidatePath("/", "layout");
  return result;
});

export const timetableAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await updateTimetable(user, formTexts(data, ["cycleId", "surveyDispatchOn", "surveyReminderOn", "surveyLastAnswerOn", "resultsPublishedOn"]));
  if (result.ok) revalidatePath("/", "layout");
  return result;
});
