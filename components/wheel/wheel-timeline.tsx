import type { CSSProperties } from "react";
import { formatDateLong, MONTH_NAMES } from "@/lib/dates/cycle";
import type { CompletionLevel } from "@/lib/wheel/completion";
import type { WheelData } from "@/lib/wheel/data";
import { isoWeekStarts } from "@/lib/wheel/geometry";
import { timelineDay, viewMonths, viewRange, type WheelView } from "@/lib/wheel/views";
import { LEVEL_SIGN as LEVEL_SIGNS, LEVEL_STYLE } from "./levels";
import { ACTION_FILL } from "./wheel-marks";
import { timelineGroups } from "./timeline";
import type { ImprovementStatus } from "@/lib/db/generated/enums";

const LEVEL_SIGN: Partial<Record<string, string>> = LEVEL_SIGNS;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A bar's paint: the wheel's completion fill, its hatch for "ingen klar" and the survey's stripes. */
function barStyle(level: string, colour: string): CSSProperties {
  if (level === "survey") return { background: "repeating-linear-gradient(-45deg,#fde68a 0 5px,#f59e0b 5px 7px)", borderColor: colour };
  const style = LEVEL_STYLE[level as CompletionLevel] ?? LEVEL_STYLE.empty;
  const hatch = style.pattern === "hatch" ? "repeating-linear-gradient(45deg,#ffffff 0 4px,#94a3b8 4px 5px)" : undefined;
  return { background: hatch ?? style.fill, borderColor: colour, borderStyle: style.dashed ? "dashed" : "solid" };
}

/**
 * The start page's zoom on a quarter or a month: the activities as bars on a timeline (months or ISO weeks as
 * columns, today marked), grouped by routine and phase. Each row is a mark of the WheelExplorer (data-wheel-item),
 * so a click or Enter opens the same panel as on the wheel. A planned task (issue 21) is drawn at its day; in the
 * month view with its time.
 */
export function WheelTimeline({ data, view }: { data: WheelData; view: Exclude<WheelView, { kind: "year" }> }) {
  const range = viewRange(view, data.year, data.firstMonth);
  const groups = timelineGroups(data, view);
  const months = viewMonths(view, data.firstMonth);
  const todayAt = timelineDay(data.today, range);
  const columns =
    view.kind === "quarter"
      ? months.map((m, i) => ({ key: `m${m}`, text: capitalise(MONTH_NAMES[m - 1]!), at: (i / 3) * 100 }))
      : isoWeekStarts(range.from.getUTCFullYear())
          .map(({ week, date }) => ({ key: `v${week}`, text: `v. ${week}`, at: timelineDay(date, range) }))
                    // A week that begins on the month's last days has no room for its number.
          .filter((c): c is { key: string; text: string; at: number } => c.at !== null && c.at < 94);
  const name = view.kind === "quarter" ? `Kvartal ${view.quarter} ${data.year}` : `${capitalise(MONTH_NAMES[view.month - 1]!)} ${range.from.getUTCFullYear()}`;
  // A quarter of a wheel that starts in December is not the calendar's: say which months it is.
  const heading = view.kind === "quarter" ? `${name}: ${MONTH_NAMES[months[0]! - 1]} – ${MONTH_NAMES[months[2]! - 1]}` : name;
  let order = 0;
  return (
    <div role="group" aria-label={`${name}, tidslinje`} className="wheel-timeline space-y-4" data-testid="wheel-timeline">
      <div className="grid grid-cols-[minmax(7rem,40%)_1fr] items-end gap-x-3 md:grid-cols-[18rem_1fr]" aria-hidden="true">
        <p className="text-lg font-semibold text-slate-900">{heading}</p>
        <div className="relative h-7 border-b-2 border-slate-500 text-xs font-semibold text-slate-800 sm:text-sm">
          {columns.map((c) => (
            <span key={c.key} className="absolute bottom-0 border-l border-slate-500 pb-1 pl-1 whitespace-nowrap" style={{ left: `${c.at}%` }}>
              {c.text}
            </span>
          ))}
        </div>
      </div>
      {groups.length === 0 && <p className="text-slate-700">Inga aktiviteter under {view.kind === "quarter" ? "kvartalet" : "månaden"}.</p>}
      {groups.map((group, g) => (
        <section key={group.key} aria-label={group.title}>
          <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-800">
            <span className="inline-block h-3 w-3 shrink-0 rounded-sm border-2" style={{ borderColor: group.colour }} aria-hidden="true" />
            {group.title}
          </h3>
          <ul className="mt-1 space-y-1">
            {group.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="wheel-item grid min-h-8 w-full grid-cols-[minmax(7rem,40%)_1fr] items-center gap-x-3 rounded text-left hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-blue-700 md:grid-cols-[18rem_1fr]"
                  data-wheel-item={row.id}
                  data-ring={g + 1}
                  data-angle={row.span?.left ?? row.point ?? 0}
                  data-order={order++}
                  aria-label={row.label}
                >
                  <span className="text-sm text-slate-900">
                    {LEVEL_SIGN[row.level] && <span className={`mr-1 font-bold ${row.overdue ? "text-red-800" : "text-green-800"}`}>{row.overdue ? "!" : LEVEL_SIGN[row.level]}</span>}
                    {row.overdue && !LEVEL_SIGN[row.level] && <span className="mr-1 font-bold text-red-800">!</span>}
                    <span className="underline decoration-slate-400 underline-offset-2">{row.title}</span>
                  </span>
                  <span className="relative block h-7">
                    {todayAt !== null && <span className="absolute inset-y-0 border-l-2 border-dashed border-slate-900" style={{ left: `${todayAt}%` }} />}
                    {row.span && (
                      <span
                        className={`wheel-shape absolute top-1 bottom-1 border-2 ${row.span.continuesBefore ? "" : "rounded-l"} ${row.span.continuesAfter ? "" : "rounded-r"}`}
                        style={{ left: `${row.span.left}%`, width: `${row.span.width}%`, ...barStyle(row.level, row.colour) }}
                      />
                    )}
                    {row.point !== null && (
                      <span
                        className="wheel-shape absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rotate-45 border-2 border-slate-900"
                        style={{ left: `${row.point}%`, background: ACTION_FILL[row.level as ImprovementStatus] }}
                      />
                    )}
                    {row.plan && (
                      <span className="absolute top-1/2 flex -translate-y-1/2 items-center gap-1 whitespace-nowrap" style={row.plan.at > 60 ? { right: `${100 - row.plan.at}%`, flexDirection: "row-reverse" } : { left: `${row.plan.at}%` }}>
                        <span className="-mx-2 h-4 w-4 rounded-full border-2 border-white bg-blue-900" data-testid="plan-mark" />
                        {row.plan.text && <span className="ml-3 rounded bg-white px-1 text-xs font-semibold text-slate-900 shadow-sm">{row.plan.text}</span>}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {todayAt !== null && (
        <p className="text-sm text-slate-700">
          <span className="mr-1 inline-block h-3 border-l-2 border-dashed border-slate-900 align-middle" aria-hidden="true" />I dag, {formatDateLong(data.today)}
        </p>
      )}
    </div>
  );
}
