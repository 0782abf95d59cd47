import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { PlanAgainForm, TimetableForm } from "@/components/cycles/cycle-forms";
import { TimetableView } from "@/components/cycles/timetable-view";
import { ColourSwatch, StatusBadge } from "@/components/routines/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { formatDateIso, formatDateLong } from "@/lib/dates/cycle";
import { getManagedCycle, getSurveyTimetable, SURVEY_MILESTONES } from "@/lib/cycles/queries";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { planAgainAction, timetableAction } from "../actions";
import { BackLink } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cykel" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<{ startad?: string }> };

export default async function CyclePage({ params, searchParams }: Props) {
  const user = await requirePermission("cycle:manage");
  const [{ year }, { startad }] = await Promise.all([params, searchParams]);
  const cycle = await getManagedCycle(user, Number(year));
  if (!cycle) notFound();
  const timetable = getSurveyTimetable(cycle);
  // The banner's number is the cycle's own count from the database, never one from the address (issue 30, H9).
  const started = startad !== undefined ? cycle.total : null;
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <div className="space-y-6">
      <BackLink href="/cykler">Årets cykler</BackLink>
      <h1 className="text-2xl font-bold wrap-anywhere sm:text-3xl">Cykel {cycle.year}</h1>
      {started !== null && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Cykeln {cycle.year} är startad med {started} uppgifter.
        </p>
      )}
      <section aria-labelledby="lage" className={card}>
        <h2 id="lage" className="text-xl font-semibold">Läge</h2>
        <p className="mt-2">
          {cycle.total} uppgifter för {cycle.unitsWithTasks} av {cycle.activeUnits} aktiva enheter, verksamheten och kommunikationsenheten
          {cycle.closedUnitsWithTasks > 0 && ` (och ${plural(cycle.closedUnitsWithTasks, "stängd enhet", "stängda enheter")}, vars uppgifter finns kvar som historik)`}.
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {(Object.keys(cycle.counts) as (keyof typeof cycle.counts)[]).map((s) => (
            <li key={s}>
              {TASK_STATUS_LABELS[s]}: <span className="font-semibold">{cycle.counts[s]}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2">
          <Link href={`/cykler/${cycle.year}/mina-uppgifter`} className="text-blue-800 underline">
            Visa checklistorna för {cycle.year}
          </Link>
        </p>
        <h3 className="mt-4 font-semibold">Rutinversioner i cykeln</h3>
        <ul className="mt-1 space-y-1">
          {cycle.versions.map((v) => (
            <li key={`${v.routine.key}-${v.version}`} className="flex flex-wrap items-center gap-2">
              <ColourSwatch colour={v.routine.colour} />
              <Link href={`/rutiner/${v.routine.key}/version/${v.version}`} className="text-blue-800 underline">
                {v.title}, version {v.version}
              </Link>
              <StatusBadge status={v.status} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tidsplan" className={card}>
        <h2 id="tidsplan" className="text-xl font-semibold">Socialstyrelsens tidsplan {cycle.year}</h2>
        {cycle.watchTask && (
          <p className="mt-1 text-sm text-slate-700">
            Uppgiften {cycle.watchTask.activity.title} har status {TASK_STATUS_LABELS[cycle.watchTask.status].toLowerCase()}
            {cycle.watchTask.dueOn ? ` och ska vara klar senast ${formatDateLong(cycle.watchTask.dueOn)}` : ""}.
          </p>
        )}
        <div className="mt-3">
          <TimetableView timetable={timetable} />
        </div>
        <h3 className="mt-4 font-semibold">Ändra datumen</h3>
        <div className="mt-2 max-w-2xl">
          <TimetableForm
            action={timetableAction}
            cycleId={cycle.id}
            values={Object.fromEntries(SURVEY_MILESTONES.map((m) => [m.field, cycle[m.field] ? formatDateIso(cycle[m.field]!) : ""])) as Record<(typeof SURVEY_MILESTONES)[number]["field"], string>}
          />
        </div>
      </section>
      <section aria-labelledby="planera" className={card}>
        <h2 id="planera" className="text-xl font-semibold">Planera igen</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Skapar de uppgifter som fattas enligt de gällande rutinversionerna, t.ex. för en enhet som tillkommit under året. Inget
          skapas två gånger och befintliga uppgifter ändras inte.
        </p>
        <div className="mt-3">
          <PlanAgainForm action={planAgainAction} cycleId={cycle.id} year={cycle.year} />
        </div>
      </section>
    </div>
  );
}
