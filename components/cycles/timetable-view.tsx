import { formatDateLong, formatWeek } from "@/lib/dates/cycle";
import type { SurveyTimetable } from "@/lib/cycles/timetable";

/** Socialstyrelsen's timetable of a cycle as a list of dates. */
export function TimetableView({ timetable }: { timetable: SurveyTimetable }) {
  return (
    <div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {timetable.milestones.map((m) => (
          <div key={m.field} className="contents">
            <dt className="font-semibold">{m.label}</dt>
            <dd>{m.date ? `${formatDateLong(m.date)} (${formatWeek(m.date)})` : "Inte känt ännu"}</dd>
          </div>
        ))}
      </dl>
      {!timetable.complete && <p className="mt-2 text-sm text-slate-700">Fyll i datumen när Socialstyrelsen har publicerat årets tidsplan.</p>}
    </div>
  );
}
