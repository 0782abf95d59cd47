"use server";

import { revalidatePath } from "next/cache";
import type { FeedFormState } from "@/components/calendar/feed-forms";
import { formAction } from "@/lib/actions";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feeds";
import { formText, type FormState } from "@/lib/forms";

/** Creates a feed; the secret token goes back to the browser once and is never stored. */
export const createFeedAction = formAction<FeedFormState>({}, async ({ user, data }) => {
  const result = await createCalendarFeed(user, { target: formText(data, "target") });
  if (result.ok) revalidatePath("/kalender");
  return result;
});

export const revokeFeedAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await revokeCalendarFeed(user, { feedId: formText(data, "feedId") });
  if (result.ok) revalidatePath("/kalender");
  return result;
});
