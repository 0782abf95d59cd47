import { formatDateLong, formatMonthSpan } from "@/lib/dates/cycle";
import { KIND_LABELS, ROLE_LABELS, SCOPE_LABELS } from "@/lib/routines/labels";
import type { ActiveRoutine } from "@/lib/routines/queries";
import { ScrollArea } from "@/components/ui/scroll-area";

function when(activity: ActiveRoutine["phases"][number]["activities"][number]): string {
  const months = formatMonthSpan(activity);
  if (!months) return "Månad saknas";
  return activity.timing === "CONTINUOUS" ? `Löpande ${months}` : months.charAt(0).toUpperCase() + months.slice(1);
}

export function RoutineOverview({ routine }: { routine: ActiveRoutine }) {
  const headingId = `rutin-${routine.routine.key}`;
  return (
    <section aria-labelledby={headingId} className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" style={{ borderLeft: `6px solid ${routine.routine.colour}` }}>
        <h2 id={headingId} className="text-2xl font-semibold">
          {routine.title} <span className="text-base font-normal text-slate-700">(version {routine.version})</span>
        </h2>
        {routine.purpose && <p className="mt-2 max-w-3xl">{routine.purpose}</p>}
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Beslutad av</dt>
          <dd>{routine.decidedBy ?? "–"}</dd>
          <dt className="font-semibold">Beslutsdatum</dt>
          <dd>{routine.decidedOn ? formatDateLong(routine.decidedOn) : "–"}</dd>
          <dt className="font-semibold">Dokumentansvarig</dt>
          <dd>{routine.documentOwner ?? "–"}</dd>
          <dt className="font-semibold">Giltighet</dt>
          <dd>{routine.validUntil ? `Gäller till ${formatDateLong(routine.validUntil)}` : "Gäller tills vidare"}</dd>
          <dt className="font-semibold">Ersätter</dt>
          <dd>{routine.replacesText ?? "–"}</dd>
        </dl>
      </div>

      {routine.phases.map((phase) => (
        <section key={phase.id} aria-labelledby={`fas-${phase.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id={`fas-${phase.id}`} className="text-xl font-semibold">
            {phase.position + 1}. {phase.name}
          </h3>
          <ScrollArea label={`Aktiviteter i fasen ${phase.name}`} className="mt-3">
            <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
              <caption className="sr-only">Aktiviteter i fasen {phase.name}, ordnade efter månad</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pr-3">Månad</th>
                  <th scope="col" className="py-2 pr-3">Aktivitet</th>
                  <th scope="col" className="py-2 pr-3">Ansvarig</th>
                  <th scope="col" className="py-2 pr-3">Gäller</th>
                </tr>
              </thead>
              <tbody>
                {phase.activities.map((activity) => (
                  <tr key={activity.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{when(activity)}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{activity.title}</span>
                      <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{KIND_LABELS[activity.kind]}</span>
                      {activity.description && <p className="mt-1 text-slate-700">{activity.description}</p>}
                      {activity.templateRef && <p className="mt-1 text-slate-700">Mall: {activity.templateRef}</p>}
                      {activity.note && (
                        <details className="mt-1">
                          <summary className="cursor-pointer text-blue-800 underline">Varför denna månad och ansvarig?</summary>
                          <p className="mt-1 text-slate-700">{activity.note}</p>
                        </details>
                      )}
                    </td>
                    <td className="py-2 pr-3">{activity.responsibleRole ? ROLE_LABELS[activity.responsibleRole] : "Saknas"}</td>
                    <td className="py-2 pr-3">{SCOPE_LABELS[activity.scope]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </section>
      ))}
    </section>
  );
}
