import { formatDateLong } from "@/lib/dates/cycle";
import { roleLabel, SCOPE_LABELS } from "@/lib/routines/labels";
import type { WheelData } from "@/lib/wheel/data";
import { LEVEL_LABELS, LevelSwatch } from "./levels";
import { ACTION_STATUS_LABELS, actionWho, ringNumbers, activityState, activityTime, isOverdueMark, surveyDetail } from "./view";

const cell = "px-3 py-2 align-top";

/** The wheel's content as tables: every activity per routine and phase, the survey dates and the improvement actions. */
export function WheelTable({ data }: { data: WheelData }) {
  const unitName = data.unit?.name ?? null;
  const labels = LEVEL_LABELS[data.unit ? "unit" : "units"];
  const survey = surveyDetail(data.survey);
  const rings = ringNumbers(data);
  return (
    <div className="space-y-6">
      {data.routines.map((routine) => (
        <div key={routine.id} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={`${routine.title} i tabellform`}>
          <table className="wheel-table w-full min-w-[44rem] text-left text-sm">
            <caption className="border-b-4 px-3 py-2 text-left text-base font-semibold" style={{ borderColor: routine.colour }}>
              {routine.title} {data.year}
              <span className="font-normal text-slate-700"> (version {routine.versions.join(" och ")})</span>
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>Nr</th>
                <th scope="col" className={cell}>Aktivitet</th>
                <th scope="col" className={cell}>Tid</th>
                <th scope="col" className={cell}>Ansvarig</th>
                <th scope="col" className={cell}>Gäller</th>
                <th scope="col" className={cell}>{unitName ? `Läge för ${unitName}` : "Läge"}</th>
              </tr>
            </thead>
            {routine.phases.map((phase) => {
              const ring = rings.get(`${routine.id}:${phase.key}`)!;
              return (
                <tbody key={phase.key}>
                  <tr className="border-t border-slate-300 bg-slate-50">
                    <th scope="colgroup" colSpan={6} className={`${cell} font-semibold`}>
                      Ring {ring}: {phase.name}
                    </th>
                  </tr>
                  {phase.activities.map((a) => (
                    // Cells styled by name (.wheel-table in wheel.css): a verksamhet's table has a row per activity (issue 35).
                    <tr key={a.id}>
                      <td>{a.number}</td>
                      <th scope="row">{a.title}</th>
                      <td>{activityTime(a)}</td>
                      <td>{roleLabel(a.responsibleRole)}</td>
                      <td>{SCOPE_LABELS[a.scope]}</td>
                      <td>
                        <span className="wheel-state">
                          <LevelSwatch level={a.level} stroke={routine.colour} />
                          <span>
                            {activityState(a, unitName)}
                            {isOverdueMark(a, unitName !== null, data.today) && (unitName === null || a.scope !== "UNIT" ? "" : ", försenad")}
                            {labels[a.level] && <span className="wheel-state-note">{labels[a.level]}</span>}
                          </span>
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </div>
      ))}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold">Socialstyrelsens tidsplan {data.year}</h3>
          {survey ? (
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {survey.rows.map((r) => (
                <div key={r.label} className="contents">
                  <dt className="font-medium">{r.label}</dt>
                  <dd>{r.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2 text-sm">Tidsplanen är inte känd ännu.</p>
          )}
        </div>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label="Förbättringsåtgärder">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">Förbättringsåtgärder {data.year}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>Åtgärd</th>
                <th scope="col" className={cell}>För</th>
                <th scope="col" className={cell}>Klar senast</th>
                <th scope="col" className={cell}>Status</th>
              </tr>
            </thead>
            <tbody>
              {data.actions.length === 0 ? (
                <tr>
                  <td colSpan={4} className={cell}>Inga förbättringsåtgärder detta år.</td>
                </tr>
              ) : (
                data.actions.map((a) => (
                  <tr key={a.id} className="border-t border-slate-200">
                    <th scope="row" className={`${cell} font-medium`}>{a.title}</th>
                    <td className={cell}>{actionWho(a)}</td>
                    <td className={cell}>{a.dueOn ? formatDateLong(a.dueOn) : "Inget slutdatum"}</td>
                    <td className={cell}>{ACTION_STATUS_LABELS[a.status]}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
