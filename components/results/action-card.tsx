import type { Effect } from "@/lib/results/compare";
import { formatPercent, formatPoints } from "@/lib/results/compare";
import { formatDateIso, formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import type { ImprovementActionRow } from "@/lib/results/queries";
import { IMPROVEMENT_STATUS_LABELS } from "@/lib/results/schemas";
import { EditActionForm, NoteForm, type ActionOptions } from "./action-forms";
import { VERDICT_CLASS, VERDICT_TEXT } from "./format";

type Action = Parameters<typeof EditActionForm>[0]["action"];

/** The effect follow-up in words: the next year's result against the action's year. */
export function effectText(effect: Effect): string {
  switch (effect.kind) {
    case "no-indicator":
      return "Ingen indikator vald, så effekten följs inte upp i resultaten.";
    case "pending":
      return `Effekten syns när resultatet för ${effect.followYear} har kommit in (jämförs med ${effect.baseYear}).`;
    case "no-data":
      return `Kan inte jämföras: resultat saknas eller bygger på för få svar för ${effect.baseYear} eller ${effect.followYear}.`;
    case "measured":
      return `${effect.followYear}: ${formatPercent(effect.after)} mot ${formatPercent(effect.before)} ${effect.baseYear} (${formatPoints(effect.change)} p.e., ${VERDICT_TEXT[effect.verdict]}).`;
  }
}

const STATUS_CLASS = { PLANNED: "bg-slate-100 text-slate-900", IN_PROGRESS: "bg-amber-100 text-amber-900", DONE: "bg-green-100 text-green-900", CANCELLED: "bg-slate-200 text-slate-800" };

export function ActionCard({ a, options, update, note }: { a: ImprovementActionRow; options: ActionOptions; update: Action; note: Action }) {
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">{a.title}</h3>
        <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[a.status]}`}>{IMPROVEMENT_STATUS_LABELS[a.status]}</span>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Gäller</dt>
        <dd>{a.unitName ?? "Hela verksamheten"}, {a.cycleYear}</dd>
        <dt className="font-medium">Indikator</dt>
        <dd>{a.indicator?.name ?? "–"}</dd>
        <dt className="font-medium">Ansvarig</dt>
        <dd>{a.ownerName}</dd>
        <dt className="font-medium">Klart senast</dt>
        <dd>{a.dueOn ? formatDateLong(a.dueOn) : "–"}</dd>
        <dt className="font-medium">Effekt</dt>
        <dd className={a.effect.kind === "measured" ? VERDICT_CLASS[a.effect.verdict] : ""}>{effectText(a.effect)}</dd>
      </dl>
      {a.description && <p className="whitespace-pre-line text-sm">{a.description}</p>}
      {a.notes.length > 0 && (
        <div>
          <h4 className="text-sm font-semibold">Uppföljning</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {a.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-slate-300 pl-2">
                <span className="text-slate-700">{formatDateLong(stockholmDate(n.at))}:</span> {n.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="rounded border border-slate-200 p-2">
        <summary className="cursor-pointer font-medium text-blue-900">Ändra åtgärden eller lägg till en anteckning</summary>
        <div className="mt-3 space-y-6">
          <EditActionForm
            action={update}
            options={options}
            value={{ id: a.id, version: a.version, title: a.title, description: a.description, ownerName: a.ownerName, dueOn: a.dueOn ? formatDateIso(a.dueOn) : "", status: a.status, indicatorId: a.indicatorId }}
          />
          <NoteForm action={note} actionId={a.id} />
        </div>
      </details>
    </li>
  );
}
