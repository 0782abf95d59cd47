"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** Sample size per area and an optional seed (given: repeats an earlier draw exactly). */
export function DrawForm({ action, year, defaultSize }: { action: Action; year: number; defaultSize: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} confirm="Urvalet kan inte dras om när det väl är draget. Dra urvalet nu?" className="space-y-4">
      <input type="hidden" name="year" value={year} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="sampleSizePerArea" label="Ärenden per område" state={state} hint="Rutinen: fem per hemtjänstområde." type="number" inputMode="numeric" min={1} max={50} defaultValue={defaultSize} width="32" />
        <TextField name="randomSeed" label="Slumpfrö (frivilligt)" state={state} hint="Slumpfröet är en kod som styr lottningen, så att urvalet kan kontrolleras i efterhand: samma frö och samma ärendelista ger alltid samma urval. Lämna tomt så skapas ett nytt." type="text" autoComplete="off" spellCheck={false} />
      </div>
      <SubmitButton pending={pending} pendingText="Drar urvalet …">
        Dra urvalet
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
