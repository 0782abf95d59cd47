"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { describeOffsets, formatOffsets } from "@/lib/reminders/rules";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** One activity's reminder days: a text field, a save button and the result, announced politely. */
export function ReminderRuleForm({ action, activityId, title, offsets }: { action: Action; activityId: string; title: string; offsets: number[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = `dagar-${activityId}`;
  const errors = state?.errors?.offsets;
  return (
    <ActionForm action={formAction} className="space-y-1">
      <input type="hidden" name="activityId" value={activityId} />
      <label htmlFor={id} className="sr-only">
        Påminnelsedagar för {title}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          name="offsets"
          type="text"
          inputMode="text"
          defaultValue={formatOffsets(offsets)}
          aria-describedby={["paminnelser-hint", errors ? `${id}-fel` : null].filter(Boolean).join(" ")}
          aria-invalid={errors ? true : undefined}
          className="w-full max-w-[9rem] rounded border border-slate-500 bg-white px-2 py-1 aria-[invalid=true]:border-red-700"
        />
        <SubmitButton pending={pending} pendingText="Sparar …" variant="secondary" aria-label={`Spara påminnelser för ${title}`}>
          Spara
        </SubmitButton>
      </div>
      <p className="text-slate-700">{describeOffsets(offsets)}</p>
      {errors && (
        <p id={`${id}-fel`} className="font-medium text-red-800">
          {errors.join(" ")}
        </p>
      )}
      <p role="status" aria-live="polite" className={state?.ok ? "font-medium text-green-800" : state ? "font-medium text-red-800" : "sr-only"}>
        {state && !errors ? state.message : ""}
      </p>
    </ActionForm>
  );
}
