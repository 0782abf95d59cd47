"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useRef } from "react";
import type { ActivityKind, ActivityScope, Role, Timing } from "@/lib/db/generated/enums";
import { KIND_LABELS, ROLE_LABELS, SCOPE_LABELS } from "@/lib/routines/labels";
import { ActionForm } from "@/components/ui/action-form";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";
import { describeTiming } from "./timing";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
export type DraftActivity = {
  id: string;
  phaseId: string;
  key: string;
  title: string;
  timing: Timing;
  startMonth: number | null;
  endMonth: number | null;
  responsibleRole: Role | null;
  scope: ActivityScope;
  kind: ActivityKind;
  letterNumber: number | null;
};

const small = "rounded border border-slate-500 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";

/** The draft's activities per phase, each with change, move and remove. One live region reports every change. */
export function DraftActivities({ action, versionId, routineKey, base, phases, activities }: {
  action: Action;
  versionId: string;
  routineKey: string;
  base: string;
  phases: { id: string; key: string; name: string }[];
  activities: DraftActivity[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // Moving a row re-creates its buttons; put focus back on the button that was pressed.
  const pressed = useRef<string | null>(null);
  useEffect(() => {
    if (!pressed.current) return;
    const button = document.getElementById(pressed.current) as HTMLButtonElement | null;
    // At the end of the list the pressed button is disabled; its opposite is the natural next step.
    const opposite = pressed.current.startsWith("upp-") ? pressed.current.replace("upp-", "ned-") : pressed.current.replace("ned-", "upp-");
    (button && !button.disabled ? button : document.getElementById(opposite))?.focus();
  }, [state]);
  return (
    <div className="space-y-4">
      <StatusMessage state={state} />
      {phases.map((phase, phaseIndex) => {
        const rows = activities.filter((a) => a.phaseId === phase.id);
        return (
          <section key={phase.id} aria-labelledby={`aktiviteter-${phase.id}`} className="rounded border border-slate-200 p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`aktiviteter-${phase.id}`} className="text-lg font-semibold">
                {phaseIndex + 1}. {phase.name}
              </h3>
              <Link href={`${base}/aktivitet/ny?fas=${phase.key}`} className="text-blue-800 underline">
                Lägg till aktivitet<span className="sr-only"> i fasen {phase.name}</span>
              </Link>
            </div>
            {rows.length === 0 ? (
              <p className="mt-2 text-slate-700">Inga aktiviteter i fasen.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-200" aria-label={`Aktiviteter i fasen ${phase.name}`}>
                {rows.map((a, index) => (
                  <li key={a.id} id={`aktivitet-${a.id}`} className="flex flex-wrap items-start justify-between gap-2 py-2">
                    <div className="min-w-0 flex-1 basis-64">
                      <p>
                        <span className="font-medium">{a.title}</span>
                        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                          {KIND_LABELS[a.kind]}
                          {a.letterNumber ? ` ${a.letterNumber}` : ""}
                        </span>
                      </p>
                      <p className="text-sm text-slate-700">
                        {describeTiming(a)} · {a.responsibleRole ? ROLE_LABELS[a.responsibleRole] : "Ansvarig saknas"} · {SCOPE_LABELS[a.scope]}
                      </p>
                    </div>
                    <ActionForm
                      action={formAction}
                      className="flex flex-nowrap gap-1"
                      onSubmitCapture={(e) => (pressed.current = ((e.nativeEvent as SubmitEvent).submitter as HTMLElement | null)?.id ?? null)}
                    >
                      <input type="hidden" name="versionId" value={versionId} />
                      <input type="hidden" name="routineKey" value={routineKey} />
                      <input type="hidden" name="activityId" value={a.id} />
                      <Link href={`${base}/aktivitet/${a.id}`} className={`${small} text-blue-900`} aria-label={`Ändra ${a.title}`}>
                        Ändra
                      </Link>
                      <button id={`upp-${a.id}`} type="submit" name="intent" value="up" disabled={pending || index === 0} className={small} aria-label={`Flytta ${a.title} uppåt`}>
                        Upp
                      </button>
                      <button id={`ned-${a.id}`} type="submit" name="intent" value="down" disabled={pending || index === rows.length - 1} className={small} aria-label={`Flytta ${a.title} nedåt`}>
                        Ned
                      </button>
                      <RemoveButton title={a.title} disabled={pending} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Asks before removing; a cancelled confirmation stops the submission. */
function RemoveButton({ title, disabled }: { title: string; disabled: boolean }) {
  return (
    <button
      type="submit"
      name="intent"
      value="remove"
      disabled={disabled}
      className={`${small} text-red-900`}
      aria-label={`Ta bort ${title}`}
      onClick={(e) => {
        if (!window.confirm(`Ta bort aktiviteten ${title} ur utkastet?`)) e.preventDefault();
      }}
    >
      Ta bort
    </button>
  );
}
