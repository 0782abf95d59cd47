import { formatDateLong, formatMonthSpan } from "@/lib/dates/cycle";
import { KIND_LABELS } from "@/lib/routines/labels";
import type { ActiveRoutine } from "@/lib/routines/queries";
import { FactList } from "@/components/ui/fact-list";
import { PhaseActivities } from "./activity-table";

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
        <div className="mt-3">
          <FactList
            small
            facts={[
              ["Beslutad av", routine.decidedBy ?? "–"],
              ["Beslutsdatum", routine.decidedOn ? formatDateLong(routine.decidedOn) : "–"],
              ["Dokumentansvarig", routine.documentOwner ?? "–"],
              ["Giltighet", routine.validUntil ? `Gäller till ${formatDateLong(routine.validUntil)}` : "Gäller tills vidare"],
              ["Ersätter", routine.replacesText ?? "–"],
            ]}
          />
        </div>
      </div>

      {routine.phases.map((phase) => (
        <PhaseActivities
          key={phase.id}
          phase={phase}
          level={3}
          whenLabel="Månad"
          caption={`Aktiviteter i fasen ${phase.name}, ordnade efter månad`}
          activities={phase.activities.map((activity) => ({
            ...activity,
            when: when(activity),
            kind: KIND_LABELS[activity.kind],
            more: activity.note && (
              <details className="mt-1">
                <summary className="inline-flex min-h-6 cursor-pointer items-center text-blue-800 underline">Varför denna månad och ansvarig?</summary>
                <p className="mt-1 text-slate-700">{activity.note}</p>
              </details>
            ),
          }))}
        />
      ))}
    </section>
  );
}
