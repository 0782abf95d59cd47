"use client";

import { useActionState, type ReactNode } from "react";
import { closeUnitAction, createAreaAction, createUnitAction, removeAreaAction, renameAreaAction, reopenUnitAction, updateUnitAction } from "@/app/(app)/admin/organisation/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type AreaOption = { id: string; name: string };
const KOLADA_HINT = "T.ex. V45E1234, som i Kolada. Lämna tomt om enhetens resultat inte ska hämtas från Kolada.";

/** One form of the page: its fields (given the last answer, for field errors), a submit button and a status line. */
function OrgForm({ action, submit, pendingText, variant, confirm, className, children }: { action: Action; submit: ReactNode; pendingText: string; variant?: "primary" | "secondary" | "danger"; confirm?: string; className?: string; children: (state: FormState) => ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} confirm={confirm} className={className ?? "space-y-3"}>
      {children(state)}
      <SubmitButton pending={pending} pendingText={pendingText} variant={variant}>
        {submit}
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}

export function CreateAreaForm() {
  return (
    <OrgForm action={createAreaAction} submit="Skapa område" pendingText="Skapar …">
      {(state) => <TextField name="name" label="Områdets namn" state={state} idPrefix="nytt-omrade-" required maxLength={120} autoComplete="off" />}
    </OrgForm>
  );
}

export function RenameAreaForm({ area }: { area: AreaOption }) {
  return (
    <OrgForm action={renameAreaAction} submit={<>Byt namn<span className="sr-only"> på {area.name}</span></>} pendingText="Sparar …" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="areaId" value={area.id} />
          <TextField name="name" label="Nytt namn" state={state} idPrefix={`omrade-${area.id}-`} defaultValue={area.name} required maxLength={120} autoComplete="off" />
        </>
      )}
    </OrgForm>
  );
}

/** Offered only for an area without units; the server refuses one that has any. */
export function RemoveAreaForm({ area }: { area: AreaOption }) {
  return (
    <OrgForm action={removeAreaAction} submit={<>Ta bort {area.name}</>} pendingText="Tar bort …" variant="danger" confirm={`Ta bort området ${area.name}?`}>
      {() => <input type="hidden" name="areaId" value={area.id} />}
    </OrgForm>
  );
}

export function CreateUnitForm({ areas }: { areas: AreaOption[] }) {
  return (
    <OrgForm action={createUnitAction} submit="Skapa enhet" pendingText="Skapar …" className="grid gap-3 sm:grid-cols-3">
      {(state) => (
        <>
          <TextField name="name" label="Enhetens namn" state={state} idPrefix="ny-enhet-" required maxLength={120} autoComplete="off" />
          <SelectField name="areaId" label="Område" state={state} idPrefix="ny-enhet-" options={areas.map((a) => ({ value: a.id, label: a.name }))} emptyOption={{ value: "", label: "Välj område" }} defaultValue="" required />
          <TextField name="koladaOuId" label="Id i Kolada (valfritt)" state={state} idPrefix="ny-enhet-" hint={KOLADA_HINT} maxLength={20} autoComplete="off" />
        </>
      )}
    </OrgForm>
  );
}

type UnitOption = { id: string; name: string; koladaOuId: string | null };

/** Rename, move to another area and the Kolada id, in one form. */
export function EditUnitForm({ unit, areaId, areas }: { unit: UnitOption; areaId: string; areas: AreaOption[] }) {
  const prefix = `enhet-${unit.id}-`;
  return (
    <OrgForm action={updateUnitAction} submit={<>Spara<span className="sr-only"> {unit.name}</span></>} pendingText="Sparar …" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          <TextField name="name" label="Namn" state={state} idPrefix={prefix} defaultValue={unit.name} required maxLength={120} autoComplete="off" />
          <SelectField name="areaId" label="Område" state={state} idPrefix={prefix} options={areas.map((a) => ({ value: a.id, label: a.name }))} defaultValue={areaId} />
          <TextField name="koladaOuId" label="Id i Kolada" state={state} idPrefix={prefix} hint={KOLADA_HINT} defaultValue={unit.koladaOuId ?? ""} maxLength={20} autoComplete="off" />
        </>
      )}
    </OrgForm>
  );
}

export function CloseUnitForm({ unit, today }: { unit: UnitOption; today: string }) {
  return (
    <OrgForm action={closeUnitAction} submit={<>Stäng {unit.name}</>} pendingText="Stänger …" variant="danger" confirm={`Stäng ${unit.name}? Enhetens öppna uppgifter blir ej aktuella.`}>
      {(state) => (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          <TextField name="closedOn" label="Stängd från" type="date" state={state} idPrefix={`stang-${unit.id}-`} defaultValue={today} max={today} width="48" required
            hint="Enheten försvinner ur översikten, planeringen, påminnelserna och hämtningen från Kolada. Dess öppna uppgifter i årets cykel blir ej aktuella. Historiken, resultaten och brukarbreven finns kvar." />
        </>
      )}
    </OrgForm>
  );
}

export function ReopenUnitForm({ unit }: { unit: UnitOption }) {
  return (
    <OrgForm action={reopenUnitAction} submit={<>Öppna {unit.name} igen</>} pendingText="Öppnar …" variant="secondary">
      {() => <input type="hidden" name="unitId" value={unit.id} />}
    </OrgForm>
  );
}
