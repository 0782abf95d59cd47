"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { ActivityKind, ActivityScope, Role, Timing } from "@/lib/db/generated/enums";
import { MONTH_NAMES } from "@/lib/dates/months";
import { KIND_LABELS, ROLE_LABELS, SCOPE_LABELS, TIMING_LABELS } from "@/lib/routines/labels";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { FullVersion } from "@/lib/routines/versions";
import { SHORT_NAME_MAX } from "@/lib/routines/limits";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
/** The fields of an activity that the form edits: the stored activity's own, with its phase by key. */
export type ActivityValues = Pick<
  FullVersion["activities"][number],
  "id" | "key" | "title" | "shortName" | "description" | "responsibleRole" | "timing" | "startMonth" | "endMonth" | "scope" | "kind" | "letterNumber" | "templateRef" | "note"
> & { phaseKey: string };

const months = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name.charAt(0).toUpperCase() + name.slice(1) }));
const str = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** Adds an activity to a draft or changes one. Every field is checked on the server; errors appear at the field. */
export function ActivityForm({ action, versionId, versionNumber, routineKey, cancelHref, phases, activity, defaultPhase }: {
  action: Action;
  versionId: string;
  versionNumber: number;
  routineKey: string;
  cancelHref: string;
  phases: { key: string; name: string }[];
  activity?: ActivityValues;
  defaultPhase?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const select = (name: string, label: string, options: { value: string; label: string }[], defaultValue: string, hint?: string, empty?: string) => (
    <SelectField name={name} label={label} state={state} hint={hint} options={options} defaultValue={defaultValue} emptyOption={empty !== undefined && { value: "", label: empty }} />
  );
  return (
    <ActionForm action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="routineKey" value={routineKey} />
      <input type="hidden" name="version" value={versionNumber} />
      <input type="hidden" name="activityId" value={activity?.id ?? ""} />
      <TextField name="title" label="Rubrik" state={state} type="text" defaultValue={activity?.title ?? ""} />
      <TextField
        name="shortName"
        label="Kortnamn (valfritt)"
        state={state}
        hint={`Namnet i årshjulet, månadslistan och utskriften, högst ${SHORT_NAME_MAX} tecken, t.ex. Genomgång i enhetens LG. Utan kortnamn skrivs rubriken på högst två rader.`}
        type="text"
        defaultValue={activity?.shortName ?? ""}
      />
      {select("phase", "Fas", phases.map((p) => ({ value: p.key, label: p.name })), activity?.phaseKey ?? defaultPhase ?? phases[0]?.key ?? "")}
      <TextAreaField name="description" label="Beskrivning" state={state} rows={3} defaultValue={activity?.description ?? ""} />
      {select("responsibleRole", "Ansvarig roll", Object.values(Role).map((r) => ({ value: r, label: ROLE_LABELS[r] })), activity?.responsibleRole ?? "", undefined, "Ingen angiven (visas som en lucka i planeringen)")}
      {select("timing", "Tidpunkt", Object.values(Timing).map((t) => ({ value: t, label: TIMING_LABELS[t] })), activity?.timing ?? "MONTH", "En månad, en period av månader eller löpande arbete under perioden.")}
      <div className="grid gap-4 sm:grid-cols-2">
        {select("startMonth", "Startmånad", months, str(activity?.startMonth), undefined, "Ingen månad")}
        {select("endMonth", "Slutmånad", months, str(activity?.endMonth), "Lämna tom för en enskild månad.", "Samma som startmånaden")}
      </div>
      {select("scope", "Gäller", Object.values(ActivityScope).map((s) => ({ value: s, label: SCOPE_LABELS[s] })), activity?.scope ?? "UNIT", "Varje enhet får en egen uppgift; annars blir det en uppgift för hela verksamheten eller kommunikationsenheten.")}
      <div className="grid gap-4 sm:grid-cols-2">
        {select("kind", "Typ", Object.values(ActivityKind).map((k) => ({ value: k, label: KIND_LABELS[k] })), activity?.kind ?? "CHECKLIST")}
        {select("letterNumber", "Brevnummer", ["1", "2", "3", "4"].map((n) => ({ value: n, label: `Brukarbrev ${n}` })), str(activity?.letterNumber), "Bara för typen Brukarbrev.", "Inget")}
      </div>
      <TextField name="templateRef" label="Mall" state={state} hint="Var mallen finns, t.ex. en länk eller LG Teams › kvalitet/brukarundersökning." type="text" defaultValue={activity?.templateRef ?? ""} />
      <TextAreaField name="note" label="Motivering" state={state} hint="Varför månad eller ansvarig valts där dokumentet inte säger något." rows={2} defaultValue={activity?.note ?? ""} />
      {activity ? (
        <p className="text-sm text-slate-700">
          Nyckel: <code>{activity.key}</code> (ändras inte, så att aktiviteten känns igen mellan versionerna)
        </p>
      ) : (
        <TextField name="key" label="Nyckel (valfri)" state={state} hint="Känner igen aktiviteten mellan versionerna. Lämnas fältet tomt skapas nyckeln av rubriken." type="text" />
      )}
      <StatusMessage state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Sparar …">
          {activity ? "Spara ändringarna" : "Lägg till aktiviteten"}
        </SubmitButton>
        <Link href={cancelHref} className="text-blue-800 underline">
          Avbryt
        </Link>
      </div>
    </ActionForm>
  );
}
