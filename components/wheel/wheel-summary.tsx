import type { WheelData } from "@/lib/wheel/data";
import { Link } from "@/components/ui/link";
import { overdueHref } from "@/lib/tasks/overdue-href";
import { formatShare, PROGRESS_LABELS, shareDueDone, shareOfYear } from "@/lib/tasks/progress";

/** Key figures above the wheel: activities, tasks handled and overdue in the year. */
export function WheelSummary({ data }: { data: WheelData }) {
  const activities = data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities));
  const sum = (pick: (a: (typeof activities)[number]) => number) => activities.reduce((n, a) => n + pick(a), 0);
  const unitScoped = data.unit ? activities.filter((a) => a.scope === "UNIT") : activities;
  const p = data.progress;
  const whose = data.unit ? ` för ${data.unit.name}` : ", alla enheter";
  const overdue = data.unit
    ? unitScoped.filter((a) => (a.unitStatus === "NOT_STARTED" || a.unitStatus === "IN_PROGRESS") && a.dueOn && a.dueOn < data.today).length
    : sum((a) => a.completion.overdue);
  const doneActions = data.actions.filter((a) => a.status === "DONE").length;
  const figures = [
    { label: "Aktiviteter i hjulet", value: String(activities.length), note: `${data.routines.length} ${data.routines.length === 1 ? "rutin" : "rutiner"}` },
    { label: `${PROGRESS_LABELS.dueDone}${whose}`, value: formatShare(shareDueDone(p)), note: `${p.dueDone} av ${p.due} ${p.due === 1 ? "uppgift" : "uppgifter"}` },
    { label: `${PROGRESS_LABELS.year}${whose}`, value: formatShare(shareOfYear(p)), note: `${p.done} av ${p.total}; ej aktuella (${p.notApplicable}) räknas inte` },
    {
      label: "Försenade uppgifter",
      value: String(overdue),
      note:
        overdue > 0 && data.open && data.scope === "verksamhet" && !data.unit ? (
          <Link href={overdueHref({ year: data.year, all: true })} className="text-blue-800 underline">
            Visa {overdue === 1 ? "den" : `de ${overdue}`}
          </Link>
        ) : (
          "slutmånaden har passerat"
        ),
    },
    { label: "Förbättringsåtgärder", value: String(data.actions.length), note: `${doneActions} ${doneActions === 1 ? "genomförd" : "genomförda"}` },
  ];
  return (
    <dl className="wheel-summary grid grid-cols-2 gap-3 lg:grid-cols-5">
      {figures.map((f) => (
        <div key={f.label} className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-sm font-medium text-slate-800">{f.label}</dt>
          <dd>
            <span className="block text-2xl font-bold">{f.value}</span>
            <span className="block text-sm text-slate-700">{f.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
