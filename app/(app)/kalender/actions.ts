"use server";

import { revalidatePath } from "next/cache";
import type { FeedFormState } from "@/components/calendar/feed-forms";
import type { FormState } from "@/lib/forms";
import { requireUser } from "@/lib/auth/session";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feeds";
import { formText } from "@/lib/forms";


/** Creates a feed; the secret token goes back to the browser once and is never stored. */
export async function createFeedAction(_prev: FeedFormState, data: FormData): Promise<FeedFormState> {
  const user = await requireUser();
  const result = await createCalendarFeed(user, { target: formText(data, "target") });
  if (result.ok) revalidatePath("/kalender");
  return result;
}

export async function revokeFeedAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await revokeCalendarFeed(user, { feedId: formText(data, "feedId") });
  if (result.ok) revalidatePath("/kalender");
  return result;
}
