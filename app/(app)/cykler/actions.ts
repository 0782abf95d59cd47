"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms";
import { requireUser } from "@/lib/auth/session";
import { formText as field } from "@/lib/forms";
import { planCycleAgain, startCycle, updateTimetable } from "@/lib/cycles/mutations";

export async function startCycleAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await startCycle(user, { year: field(data, "year") });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/cykler/${result.year}?startad=${result.created}`);
}

export async function planAgainAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await planCycleAgain(user, { cycleId: field(data, "cycleId") });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function timetableAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await updateTimetable(user, {
    cycleId: field(data, "cycleId"),
    surveyDispatchOn: field(data, "surveyDispatchOn"),
    surveyReminderOn: field(data, "surveyReminderOn"),
    surveyLastAnswerOn: field(data, "surveyLastAnswerOn"),
    resultsPublishedOn: field(data, "resultsPublishedOn"),
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
