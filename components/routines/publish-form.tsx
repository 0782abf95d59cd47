"use client";

import { useActionState, useState } from "react";
import type { KeptTask } from "@/lib/cycles/follow-version";
import { ActionForm } from "@/components/ui/action-form";
import { TextField, fieldIds } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
/** A task named in the preview, with its dates as text. */
export type PreviewTaskLine = { title: string; unitName: string | null; due: string; from?: string; late?: boolean };
/** What following the new version would do to one open cycle: counts, and the tasks it makes late or re-dates. */
export type FollowPreview = {
  year: number;
  repoint: number;
  create: number;
  remove: number;
  untouched: number;
  keep: KeptTask[];
  lateCreated: PreviewTaskLine[];
  moved: PreviewTaskLine[];
};
export type PublishDefaults = { decidedBy: string; decidedOn: string; documentOwner: string; validity: "tills-vidare" | "till-datum"; validUntil: string; replacesText: string };

const named = (t: { title: string; unitName: string | null }) => `${t.title}${t.unitName ? ` – ${t.unitName}` : ""}`;

function PlanSummary({ plan }: { plan: FollowPreview }) {
  return (
    <div className="space-y-2">
      <p>
        Om cykeln följer: {plan.repoint} uppgifter flyttas till den nya versionen, {plan.create} nya uppgifter skapas, {plan.remove} ej påbörjade
        uppgifter utan historik tas bort och {plan.untouched} klara eller ej aktuella uppgifter lämnas orörda.
      </p>
      {plan.lateCreated.length > 0 && (
        <div>
          <p className="font-semibold text-red-800">{plan.lateCreated.length} uppgifter skapas redan försenade:</p>
          <ul className="list-[circle] pl-5">
            {plan.lateCreated.map((t, i) => (
              <li key={i}>
                {named(t)}, skulle ha varit klar {t.due}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.moved.length > 0 && (
        <details>
          <summary className="cursor-pointer py-1 font-semibold">
            {plan.moved.length} slutdatum flyttas{plan.moved.some((t) => t.late) ? `, varav ${plan.moved.filter((t) => t.late).length} till ett datum som redan har passerat` : ""}
          </summary>
          <ul className="list-[circle] pl-5">
            {plan.moved.map((t, i) => (
              <li key={i}>
                {named(t)}: {t.from ?? "inget datum"} → {t.due}
                {t.late ? " (blir försenad)" : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.keep.length > 0 && (
        <div>
          {plan.keep.length} uppgifter till aktiviteter som inte finns kvar behålls, eftersom de pågår eller har historik:
          <ul className="mt-1 list-[circle] pl-5">
            {plan.keep.slice(0, 10).map((k) => (
              <li key={k.taskId}>{named(k)}</li>
            ))}
            {plan.keep.length > 10 && <li>… och {plan.keep.length - 10} till</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

/** One open cycle's question: what following would do, and the answer for that cycle alone. */
function CycleChoice({ plan, state }: { plan: FollowPreview; state: FormState }) {
  const answer = fieldIds({ name: `follow-${plan.year}`, state });
  return (
    <fieldset aria-describedby={[`foljer-${plan.year}-info`, answer.describedBy].filter(Boolean).join(" ")} className="space-y-2 rounded border border-slate-300 bg-white p-3">
      <legend className="px-1 font-semibold">Cykel {plan.year}</legend>
      <div id={`foljer-${plan.year}-info`} className="text-sm">
        <PlanSummary plan={plan} />
      </div>
      <label className="flex items-start gap-2">
        <input type="radio" name={`follow-${plan.year}`} value="ja" className="h-6 w-6 shrink-0" />
        <span>Ja, cykel {plan.year} följer den nya versionen</span>
      </label>
      <label className="flex items-start gap-2">
        <input type="radio" name={`follow-${plan.year}`} value="nej" className="h-6 w-6 shrink-0" />
        <span>Nej, cykel {plan.year} fortsätter enligt den tidigare versionen</span>
      </label>
      {answer.errors && (
        <ul id={`${answer.id}-fel`} className="text-sm font-medium text-red-800">
          {answer.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The decision and, when cycles are running, whether their remaining tasks follow the new version. */
export function PublishForm({ action, versionId, version, routineKey, defaults, previews, seenLate }: {
  action: Action;
  versionId: string;
  version: number;
  routineKey: string;
  defaults: PublishDefaults;
  previews: FollowPreview[];
  /** The late-created tasks the preview lists, sent back so that publishing creates no late task the user did not see. */
  seenLate: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [validity, setValidity] = useState(defaults.validity);
  const validity_ = fieldIds({ name: "validity", state });
  const follow = fieldIds({ name: "followTasks", state });
  return (
    <ActionForm action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="routineKey" value={routineKey} />
      <input type="hidden" name="seenLate" value={seenLate} />
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
          <legend className="px-1 font-semibold">Ska återstående uppgifter i de öppna cyklerna följa den nya versionen?</legend>
          <p id="foljer-info" className="text-sm">
            Välj för varje öppen cykel. Klara och ej aktuella uppgifter ändras aldrig. En cykel som inte följer behåller den tidigare versionens
            uppgifter och datum; nästa cykel som startas får den nya versionen.
          </p>
          {previews.map((p) => (
            <CycleChoice key={p.year} plan={p} state={state} />
          ))}
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
