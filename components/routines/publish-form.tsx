"use client";

import { useActionState, useState } from "react";
import type { KeptTask } from "@/lib/cycles/follow-version";
import { ActionForm } from "@/components/ui/action-form";
import { TextField, fieldIds } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
/** What following the new version would do to one open cycle, in counts. */
export type FollowPreview = { year: number; repoint: number; create: number; remove: number; untouched: number; keep: KeptTask[] };
export type PublishDefaults = { decidedBy: string; decidedOn: string; documentOwner: string; validity: "tills-vidare" | "till-datum"; validUntil: string; replacesText: string };

function PlanSummary({ year, plan }: { year: number; plan: FollowPreview }) {
  return (
    <li>
      <span className="font-semibold">Cykel {year}:</span> {plan.repoint} uppgifter flyttas till den nya versionen (datumen räknas om),{" "}
      {plan.create} nya uppgifter skapas, {plan.remove} ej påbörjade uppgifter utan historik tas bort och {plan.untouched} klara eller
      ej aktuella uppgifter lämnas orörda.
      {plan.keep.length > 0 && (
        <>
          {" "}
          {plan.keep.length} uppgifter till aktiviteter som inte finns kvar behålls, eftersom de pågår eller har historik:
          <ul className="mt-1 list-[circle] pl-5">
            {plan.keep.slice(0, 10).map((k) => (
              <li key={k.taskId}>
                {k.title}
                {k.unitName ? ` – ${k.unitName}` : ""}
              </li>
            ))}
            {plan.keep.length > 10 && <li>… och {plan.keep.length - 10} till</li>}
          </ul>
        </>
      )}
    </li>
  );
}

/** The decision and, when cycles are running, whether their remaining tasks follow the new version. */
export function PublishForm({ action, versionId, version, routineKey, defaults, previews }: {
  action: Action;
  versionId: string;
  version: number;
  routineKey: string;
  defaults: PublishDefaults;
  previews: FollowPreview[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [validity, setValidity] = useState(defaults.validity);
  const validity_ = fieldIds({ name: "validity", state });
  const follow = fieldIds({ name: "followTasks", state });
  const years = previews.map((p) => p.year).join(" och ");
  return (
    <ActionForm action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="routineKey" value={routineKey} />
      <TextField name="decidedBy" label="Dokumentet är beslutat av" state={state} hint="T.ex. Verksamhetschef hemtjänst." type="text" defaultValue={defaults.decidedBy} />
      <TextField name="decidedOn" label="Beslutsdatum" state={state} type="date" defaultValue={defaults.decidedOn} />
      <TextField name="documentOwner" label="Dokumentansvarig" state={state} type="text" defaultValue={defaults.documentOwner} />
      <fieldset aria-describedby={validity_.describedBy} className="space-y-2">
        <legend className="font-medium">Giltighet</legend>
        {(["tills-vidare", "till-datum"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="validity" value={value} checked={validity === value} onChange={() => setValidity(value)} className="h-6 w-6 shrink-0" />
            {value === "tills-vidare" ? "Gäller tills vidare" : "Gäller till och med ett datum"}
          </label>
        ))}
        {validity === "till-datum" && (
          <TextField name="validUntil" label="Gäller till och med" state={state} type="date" defaultValue={defaults.validUntil} />
        )}
      </fieldset>
      <TextField name="replacesText" label="Dokumentet ersätter" state={state} hint="Som det står i dokumentet, t.ex. Nytt eller Version 1." type="text" defaultValue={defaults.replacesText} />

      {previews.length > 0 && (
        <fieldset aria-describedby={[`foljer-info`, follow.describedBy].filter(Boolean).join(" ")} className="space-y-3 rounded border border-amber-400 bg-amber-50 p-3">
          <legend className="px-1 font-semibold">Ska återstående uppgifter i cykel {years} följa den nya versionen?</legend>
          <div id="foljer-info" className="space-y-2 text-sm">
            <p>Klara och ej aktuella uppgifter ändras aldrig. Om du svarar ja händer detta:</p>
            <ul className="list-disc space-y-2 pl-5">
              {previews.map((p) => (
                <PlanSummary key={p.year} year={p.year} plan={p} />
              ))}
            </ul>
          </div>
          <label className="flex items-start gap-2">
            <input type="radio" name="followTasks" value="ja" className="h-6 w-6 shrink-0" />
            <span>Ja, låt återstående uppgifter följa den nya versionen</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="followTasks" value="nej" className="h-6 w-6 shrink-0" />
            <span>Nej, årets uppgifter fortsätter enligt den tidigare versionen (nästa cykel får den nya)</span>
          </label>
          {follow.errors && (
            <ul id={`${follow.id}-fel`} className="text-sm font-medium text-red-800">
              {follow.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {validity_.errors && (
        <ul id={`${validity_.id}-fel`} className="text-sm font-medium text-red-800">
          {validity_.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Publicerar …">
        Publicera version {version}
      </SubmitButton>
    </ActionForm>
  );
}
