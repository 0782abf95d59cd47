import type { WheelData } from "@/lib/wheel/data";
import { LEVEL_LABELS, LEVEL_SIGN, LevelSwatch, OVERDUE_COLOUR, PatternDefs } from "./levels";
import { ACTION_FILL } from "./wheel-marks";
import { ACTION_STATUS_LABELS, isOverdueMark, ringNumbers } from "./view";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import type { CompletionLevel } from "@/lib/wheel/completion";

function LegendSymbol({ children }: { children: React.ReactNode }) {
  return (
    <svg width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" className="shrink-0">
      {children}
    </svg>
  );
}

/** Whose state the key explains: one unit's, how many units are done, or the scope's one task per activity. */
function legendMode(data: WheelData): { mode: keyof typeof LEVEL_LABELS; heading: string } {
  if (data.unit) return { mode: "unit", heading: `Läget för ${data.unit.name}` };
  if (data.scope === "communications") return { mode: "task", heading: "Kommunikationsenhetens läge" };
  if (data.scope === "review") return { mode: "task", heading: "Läget i kvalitetsgranskningen" };
  return { mode: "units", heading: "Hur många enheter som är klara" };
}

/**
 * What the rings, colours, patterns, signs and symbols of the wheel mean: every ring by its number from the outside
 * (a ring whose months are all taken has no room for its name on the wheel), and only the levels, signs and symbols
 * the wheel shows in this scope.
 */
export function WheelLegend({ data }: { data: WheelData }) {
  const { mode, heading } = legendMode(data);
  const drawn = data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities.filter((a) => a.startMonth !== null && a.endMonth !== null)));
  const shown = new Set(drawn.map((a) => a.level));
  const levels = (Object.entries(LEVEL_LABELS[mode]) as [CompletionLevel, string][]).filter(([level]) => shown.has(level));
  const anyOverdue = drawn.some((a) => isOverdueMark(a, data.unit !== null, data.today));
  const signs = levels.filter(([level]) => LEVEL_SIGN[level] !== "").map(([level, label]) => ({ sign: LEVEL_SIGN[level], label: label.toLowerCase(), overdue: false }));
  if (anyOverdue) signs.push({ sign: "!", label: "försenad", overdue: true });
  const hasPoints = drawn.some((a) => a.startMonth === a.endMonth && a.timing === "MONTH");
  const hasArcs = drawn.some((a) => a.startMonth !== a.endMonth || a.timing !== "MONTH");
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
            <p className="mt-1 text-slate-700">Ringarna, utifrån och in:</p>
            <ol className="mt-1 space-y-0.5 pl-1" aria-label={`Ringar för ${routine.title}, utifrån och in`}>
              {routine.phases.map((phase) => {
              const ring = rings.get(`${routine.id}:${phase.key}`)!;
                return (
                  <li key={phase.key} className="flex items-center gap-2">
                    <span className="inline-block h-3 w-5 shrink-0 rounded-sm border-2 bg-white" style={{ borderColor: routine.colour }} aria-hidden="true" />
                    <span>
                      <span className="sr-only">Ring </span>
                      <span className="tabular-nums">{ring}.</span> {phase.name}
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        <div>
          <p className="font-semibold">{heading}</p>
          {signs.length > 0 && (
            <p className="mt-1 text-sm" data-testid="wheel-legend-signs">
              Tecknet före namnet:{" "}
              {signs.map((s, i) => (
                <span key={s.sign}>
                  <span className={`font-bold ${s.overdue ? "text-red-800" : "text-green-800"}`}>{s.sign}</span> {s.label}
                  {i < signs.length - 1 ? ", " : "."}
                </span>
              ))}
            </p>
          )}
          <ul className="mt-1 space-y-1">
            {levels.map(([level, label]) => (
              <li key={level} className="flex items-center gap-2">
                <LevelSwatch level={level} /> {label}
              </li>
            ))}
            {anyOverdue && (
            <li className="flex items-center gap-2">
              <LegendSymbol>
                <circle cx="14" cy="10" r="7" fill={OVERDUE_COLOUR} />
                <text x="14" y="10.5" textAnchor="middle" dominantBaseline="central" fontSize="10" fontWeight="700" fill="#fff">
                  !
                </text>
              </LegendSymbol>
              Försenad (slutmånaden har passerat)
            </li>
            )}
          </ul>
        </div>
        <div>
          <p className="font-semibold">Symboler</p>
          <ul className="mt-1 space-y-1">
            {hasPoints && (
              <li className="flex items-center gap-2">
                <LegendSymbol>
                  <circle cx="14" cy="10" r="8" fill="#fff" stroke="#334155" strokeWidth="2" />
                </LegendSymbol>
                Aktivitet en månad
              </li>
            )}
            {hasArcs && (
              <li className="flex items-center gap-2">
                <LegendSymbol>
                  <rect x="1" y="5" width="26" height="10" rx="2" fill="#fff" stroke="#334155" strokeWidth="1.5" />
                </LegendSymbol>
                Period eller löpande aktivitet
              </li>
            )}
            {data.survey?.dispatchOn && data.survey.lastAnswerOn && (
              <li className="flex items-center gap-2">
                <LegendSymbol>
                  <PatternDefs prefix="legend-survey" only="survey" />
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
            {(Object.keys(ACTION_STATUS_LABELS) as ImprovementStatus[])
              .filter((status) => data.actions.some((a) => a.inYear && a.dueOn && a.status === status))
              .map((status) => (
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
