"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";

export type ReminderRulesState = (NonNullable<FormState> & { values?: Record<string, string> }) | null;
type Action = (prev: ReminderRulesState, data: FormData) => Promise<ReminderRulesState>;

export type ReminderRuleRow = { id: string; title: string; about: string; days: string; described: string };

/**
 * A routine's reminder days as one form: a field per activity and one Spara for them all. The server writes
 * only the rows that changed, each with its own audit entry; a bad row saves nothing and says which.
 */
export function ReminderRulesForm({ action, title, rows }: { action: Action; title: string; rows: ReminderRuleRow[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} aria-label={`Påminnelser för ${title}`} className="space-y-3">
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Aktivitet</th>
              <th scope="col" className="px-3 py-2">Påminnelser (dagar)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = `dagar-${row.id}`;
              const errors = state?.errors?.[`offsets-${row.id}`];
              return (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <label htmlFor={id} className="font-medium">
                      <span className="sr-only">Påminnelsedagar för </span>
                      {row.title}
                    </label>
                    <span className="block text-slate-700">{row.about}</span>
                  </th>
                  <td className="space-y-1 px-3 py-2">
                    <input type="hidden" name="activityId" value={row.id} />
                    <input
                      id={id}
                      name={`offsets-${row.id}`}
                      type="text"
                      defaultValue={state?.values?.[row.id] ?? row.days}
                      aria-describedby={["paminnelser-hint", `${id}-nu`, errors ? `${id}-fel` : null].filter(Boolean).join(" ")}
                      aria-invalid={errors ? true : undefined}
                      className="w-full max-w-[9rem] rounded border border-slate-500 bg-white px-2 py-1 aria-[invalid=true]:border-red-700"
                    />
                    <p id={`${id}-nu`} className="text-slate-700">
                      Nu: {row.described}
                    </p>
                    {errors && (
                      <p id={`${id}-fel`} className="font-medium text-red-800">
                        {errors.join(" ")}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubmitButton pending={pending} pendingText="Sparar …">
        Spara ändringarna<span className="sr-only"> för {title}</span>
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
