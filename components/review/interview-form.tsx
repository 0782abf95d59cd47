"use client";

import { useActionState, type ReactNode } from "react";
import type { DeviationCause, ReviewAnswer } from "@/lib/db/generated/enums";
import { ANSWER_LABELS, CAUSE_LABELS, QUESTIONS } from "@/lib/review/labels";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrors, FieldHint, TextAreaField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
export type InterviewValues = {
  interviewedOn: string;
  receivesGranted?: ReviewAnswer; receivesGrantedText?: string | null;
  plannedTogether?: ReviewAnswer; plannedTogetherText?: string | null;
  arrivesOnTime?: ReviewAnswer; arrivesOnTimeText?: string | null;
  otherComments?: string | null;
  deviation?: boolean; deviationCauses?: DeviationCause[]; deviationOtherText?: string | null;
  handedOverOn?: string; documentedInJournal?: boolean;
};

/** A group of radio buttons or checkboxes with its legend and errors, linked by aria-describedby. */
function Group({ name, legend, state, hint, children }: { name: string; legend: string; state: FormState; hint?: string; children: ReactNode }) {
  const errors = state?.errors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, errors ? `${name}-fel` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      {hint && <FieldHint id={`${name}-hint`}>{hint}</FieldHint>}
      {children}
      <FieldErrors id={`${name}-fel`} errors={errors} flush />
    </fieldset>
  );
}

const choice = "flex items-center gap-2";
// 24 × 24 px and never shrunk by a long label beside it (WCAG 2.2 2.5.8).
const box = "h-6 w-6 shrink-0 accent-blue-800";

export function InterviewForm({ action, caseId, version, values }: { action: Action; caseId: string; version: number; values: InterviewValues }) {
  const [state, formAction, pending] = useActionState(action, null);
  const answers = values as Record<string, unknown>;
  return (
    <ActionForm action={formAction} className="space-y-6">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">Skriv aldrig namn, adress eller personnummer i fritexten. Ärendet anges bara med sin referens.</p>
      <TextField name="interviewedOn" label="Intervjudatum" state={state} type="date" defaultValue={values.interviewedOn} width="48" />
      {QUESTIONS.map((q) => (
        <div key={q.field} className="space-y-2 rounded border border-slate-200 p-3">
          <Group name={q.field} legend={q.label} state={state}>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(Object.keys(ANSWER_LABELS) as ReviewAnswer[]).map((a) => (
                <label key={a} className={choice}>
                  <input type="radio" name={q.field} value={a} defaultChecked={answers[q.field] === a} className={box} />
                  {ANSWER_LABELS[a]}
                </label>
              ))}
            </div>
          </Group>
          <TextAreaField name={`${q.field}Text`} label="Kommentar (frivillig)" state={state} rows={2} defaultValue={(answers[`${q.field}Text`] as string | null) ?? ""} />
        </div>
      ))}
      <TextAreaField name="otherComments" label="Övriga synpunkter" state={state} rows={3} defaultValue={values.otherComments ?? ""} />
      <div className="space-y-4 rounded border border-slate-200 p-3">
        <Group name="deviation" legend="Avviker de utförda insatserna från beställningen?" state={state}>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            <label className={choice}>
              <input type="radio" name="deviation" value="nej" defaultChecked={values.deviation !== true} className={box} />
              Nej, ingen avvikelse
            </label>
            <label className={choice}>
              <input type="radio" name="deviation" value="ja" defaultChecked={values.deviation === true} className={box} />
              Ja, avvikelse
            </label>
          </div>
        </Group>
        <Group name="deviationCauses" legend="Orsak till avvikelsen" hint="Välj en eller flera, bara om intervjun visar en avvikelse." state={state}>
          {(Object.keys(CAUSE_LABELS) as DeviationCause[]).map((c) => (
            <label key={c} className={choice}>
              <input type="checkbox" name="deviationCauses" value={c} defaultChecked={values.deviationCauses?.includes(c)} className={box} />
              {CAUSE_LABELS[c]}
            </label>
          ))}
        </Group>
        <TextField name="deviationOtherText" label="Annan orsak" state={state} hint="Fyll i om du valt Annat." type="text" defaultValue={values.deviationOtherText ?? ""} />
      </div>
      <TextField name="handedOverOn" label="Överlämnat till ordinarie biståndshandläggare" state={state} hint="Datum då det som framkom lämnades över för vidare handläggning eller som information. Lämna tomt om inget har lämnats över." type="date" defaultValue={values.handedOverOn ?? ""} width="48" />
      <label className={choice}>
        <input type="checkbox" name="documentedInJournal" defaultChecked={values.documentedInJournal} className={box} />
        Frågor och svar är dokumenterade i journalen
      </label>
      <SubmitButton pending={pending} pendingText="Sparar …">
        Spara intervjun
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
