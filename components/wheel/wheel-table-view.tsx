"use client";

import { LEVEL_LABELS } from "./levels";
import type { WheelTableModel } from "./wheel-table";

const cell = "px-3 py-2 align-top";

/** The wheel's tables drawn from flat rows (wheel-table.tsx builds them); the activity rows' cells are styled in wheel.css. */
export function WheelTableView({ model }: { model: WheelTableModel }) {
  // The level's note under the state: from the level, not sent with every row.
  const notes = LEVEL_LABELS[model.unitName !== null ? "unit" : "units"];
  return (
    <div className="space-y-6">
      {model.routines.map((routine) => (
        <div key={routine.id} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={`${routine.title} i tabellform`}>
          <table className="wheel-table w-full min-w-[44rem] text-left text-sm" style={{ ["--routine" as string]: routine.colour }}>
            <caption className="border-b-4 px-3 py-2 text-left text-base font-semibold" style={{ borderColor: routine.colour }}>
              {routine.title} {model.year}
              <span className="font-normal text-slate-700"> (version {routine.versions})</span>
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>Nr</th>
                <th scope="col" className={cell}>Aktivitet</th>
                <th scope="col" className={cell}>Tid</th>
                <th scope="col" className={cell}>Ansvarig</th>
                <th scope="col" className={cell}>Gäller</th>
                <th scope="col" className={cell}>{model.unitName ? `Läge för ${model.unitName}` : "Läge"}</th>
              </tr>
            </thead>
            {routine.phases.map((phase) => (
              <tbody key={phase.key}>
                <tr className="border-t border-slate-300 bg-slate-50">
                  <th scope="colgroup" colSpan={6} className={`${cell} font-semibold`}>
                    Ring {phase.ring}: {phase.name}
                  </th>
                </tr>
                {phase.rows.map(([number, title, time, role, scope, level, state]) => (
                  <tr key={number}>
                    <td>{number}</td>
                    <th scope="row">{title}</th>
                    <td>{time}</td>
                    <td>{role}</td>
                    <td>{scope}</td>
                    <td>
                      <span className="wheel-state">
                        {/* Drawn by wheel.css from its level and the table's --routine: the page's size (issue 35). */}
                        <span className="wheel-swatch" data-level={level} aria-hidden="true" />
                        <span>
                          {state}
                          {notes[level] && <span className="wheel-state-note">{notes[level]}</span>}
                        </span>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      ))}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold">Socialstyrelsens tidsplan {model.year}</h3>
          {model.survey ? (
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {model.survey.map((r) => (
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
            <caption className="px-3 py-2 text-left font-semibold">Förbättringsåtgärder {model.year}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>Åtgärd</th>
                <th scope="col" className={cell}>För</th>
                <th scope="col" className={cell}>Klar senast</th>
                <th scope="col" className={cell}>Status</th>
              </tr>
            </thead>
            <tbody>
              {model.actions.length === 0 ? (
                <tr>
                  <td colSpan={4} className={cell}>Inga förbättringsåtgärder detta år.</td>
                </tr>
              ) : (
                model.actions.map((a) => (
                  <tr key={a.id} className="border-t border-slate-200">
                    <th scope="row" className={`${cell} font-medium`}>{a.title}</th>
                    <td className={cell}>{a.who}</td>
                    <td className={cell}>{a.due}</td>
                    <td className={cell}>{a.status}</td>
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
