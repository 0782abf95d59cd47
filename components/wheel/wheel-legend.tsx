import type { WheelData } from "@/lib/wheel/data";
import { LEVEL_LABELS, LevelSwatch, OVERDUE_COLOUR, PatternDefs } from "./levels";
import { ACTION_FILL } from "./wheel-marks";
import { ACTION_STATUS_LABELS, ringNumbers } from "./view";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import type { CompletionLevel } from "@/lib/wheel/completion";

function LegendSymbol({ children }: { children: React.ReactNode }) {
  return (
    <svg width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" className="shrink-0">
      {children}
    </svg>
  );
}

/** What the rings, colours, patterns and symbols of the wheel mean. */
export function WheelLegend({ data }: { data: WheelData }) {
  const mode = data.unit ? "unit" : "units";
  const levels = Object.entries(LEVEL_LABELS[mode]) as [CompletionLevel, string][];
  const rings = ringNumbers(data);
  return (
    <section aria-labelledby="wheel-legend-heading" className="wheel-legend rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-sm">
      <h2 id="wheel-legend-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        Teckenförklaring
      </h2>
      <div className="wheel-legend-columns mt-2 space-y-3">
        {data.routines.map((routine) => (
          <div key={routine.id}>
            <p className="flex items-center gap-2 font-semibold">
              <span className="inline-block h-4 w-4 shrink-0 rounded-sm border-2" style={{ borderColor: routine.colour, background: `${routine.colour}22` }} aria-hidden="true" />
              {routine.title}
            </p>
            <ol className="mt-1 space-y-0.5 pl-1" aria-label={`Ringar för ${routine.title}, utifrån och in`}>
              {routine.phases.map((phase) => {
              const ring = rings.get(`${routine.id}:${phase.key}`)!;
                return (
                  <li key={phase.key} className="flex items-center gap-2">
                    <span className="inline-block h-3 w-5 shrink-0 rounded-sm border-2 bg-white" style={{ borderColor: routine.colour }} aria-hidden="true" />
                    <span>
                      <span className="sr-only">Ring {ring} utifrån: </span>
                      {phase.name}
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        <div>
          <p className="font-semibold">{data.unit ? `Läget för ${data.unit.name}` : "Hur många enheter som är klara"}</p>
          <p className="mt-1 text-sm">
            Tecknet före namnet: <span className="font-bold text-green-800">✓</span> klar, <span className="font-bold text-green-800">◔ ◑</span> pågår eller delvis klar,{" "}
            <span className="font-bold text-green-800">○</span> inte påbörjad, <span className="font-bold text-red-800">!</span> försenad.
          </p>
          <ul className="mt-1 space-y-1">
            {levels.map(([level, label]) => (
              <li key={level} className="flex items-center gap-2">
                <LevelSwatch level={level} /> {label}
              </li>
            ))}
            <li className="flex items-center gap-2">
              <LegendSymbol>
                <circle cx="14" cy="10" r="7" fill={OVERDUE_COLOUR} />
                <text x="14" y="10.5" textAnchor="middle" dominantBaseline="central" fontSize="10" fontWeight="700" fill="#fff">
                  !
                </text>
              </LegendSymbol>
              Försenad (slutmånaden har passerat)
            </li>
          </ul>
        </div>
        <div>
          <p className="font-semibold">Symboler</p>
          <ul className="mt-1 space-y-1">
            <li className="flex items-center gap-2">
              <LegendSymbol>
                <circle cx="14" cy="10" r="8" fill="#fff" stroke="#334155" strokeWidth="2" />
              </LegendSymbol>
              Aktivitet en månad
            </li>
            <li className="flex items-center gap-2">
              <LegendSymbol>
                <rect x="1" y="5" width="26" height="10" rx="2" fill="#fff" stroke="#334155" strokeWidth="1.5" />
              </LegendSymbol>
              Period eller löpande aktivitet
            </li>
            {data.survey?.dispatchOn && data.survey.lastAnswerOn && (
              <li className="flex items-center gap-2">
                <LegendSymbol>
                  <PatternDefs prefix="legend-survey" />
                  <rect x="1" y="5" width="26" height="10" fill="url(#legend-survey-survey)" stroke="#92400e" strokeWidth="1.5" />
                </LegendSymbol>
                Socialstyrelsens enkätperiod
              </li>
            )}
            {data.today.getUTCFullYear() === data.year && (
              <li className="flex items-center gap-2">
                <LegendSymbol>
                  <line x1="2" y1="10" x2="26" y2="10" stroke="#0f172a" strokeWidth="3" strokeDasharray="6 3" />
                </LegendSymbol>
                I dag
              </li>
            )}
            {data.actions.some((a) => a.inYear) &&
              (Object.keys(ACTION_STATUS_LABELS) as ImprovementStatus[]).map((status) => (
                <li key={status} className="flex items-center gap-2">
                  <LegendSymbol>
                    <path d="M14 2 L22 10 L14 18 L6 10 Z" fill={ACTION_FILL[status]} stroke="#0f172a" strokeWidth="2" strokeDasharray={status === "CANCELLED" ? "3 2" : undefined} />
                  </LegendSymbol>
                  Förbättringsåtgärd: {ACTION_STATUS_LABELS[status].toLowerCase()}
                </li>
              ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
