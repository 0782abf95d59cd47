"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
export type KoladaSettingsValue = { municipalityId: string | null; units: { id: string; name: string; areaName: string; active: boolean; ouId: string | null }[] };

/** The kommun's id in Kolada and each unit's OU id; an empty OU id means the unit is not fetched. */
export function KoladaSettingsForm({ action, value }: { action: Action; value: KoladaSettingsValue }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-4">
      <TextField
        name="municipalityId"
        label="Kommunens id i Kolada"
        state={state}
        idPrefix="kolada-"
        hint="Fyra siffror, t.ex. 1480. Riket (0000) hämtas alltid."
        inputMode="numeric"
        autoComplete="off"
        width="32"
        defaultValue={value.municipalityId ?? ""}
      />
      <fieldset className="space-y-3">
        <legend className="font-medium">Enheternas id i Kolada (organisatorisk enhet)</legend>
        <p className="text-sm text-slate-700">Som id:t står i Kolada. Lämna tomt för en enhet vars resultat inte ska hämtas.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {value.units.map((u) => (
            <TextField
              key={u.id}
              name={`ou-${u.id}`}
              label={`${u.name} (${u.areaName}${u.active ? "" : ", inaktiv"})`}
              state={state}
              idPrefix="kolada-"
              autoComplete="off"
              spellCheck={false}
              defaultValue={u.ouId ?? ""}
            />
          ))}
        </div>
      </fieldset>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …" variant="secondary">
        Spara inställningarna
      </SubmitButton>
    </ActionForm>
  );
}
