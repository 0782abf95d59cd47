import { readFileSync } from "node:fs";
import path from "node:path";
import { completionLevel, type Completion } from "../../lib/wheel/completion.ts";
import type { WheelActivity, WheelData, WheelRoutine } from "../../lib/wheel/data.ts";

/**
 * The verksamhetschef's wheel data without a database, for unit tests and scripts/measure-wheel-layout.ts: the
 * seeded routines (or the benchmark's routine of 40 monthly activities, scripts/bench-support.ts) with made-up but
 * plausible progress of `units` units, on 6 December 2026.
 */
const root = path.resolve(import.meta.dirname, "../..");
export const SYNTHETIC_TODAY = new Date(Date.UTC(2026, 11, 6));

export type SeedActivity = { key: string; phase: string; title: string; shortName?: string; description?: string; startMonth: number | null; endMonth: number | null; timing: string; scope?: string; kind?: string; responsibleRole?: string };
export type SeedRoutine = { key: string; title: string; colour?: string; phases: { key: string; name: string }[]; activities: SeedActivity[] };
export const seededRoutine = (file: string) => JSON.parse(readFileSync(path.join(root, "prisma/seed", file), "utf8")) as SeedRoutine;

function routine(source: SeedRoutine, units: number, index: number, version: number): WheelRoutine {
  let n = 0;
  return {
    id: `routine-${index}`,
    key: source.key,
    title: source.title,
    colour: source.colour ?? "#1d4ed8",
    versions: [version],
    phases: source.phases.map((p) => ({
      key: p.key,
      name: p.name,
      activities: source.activities
        .filter((a) => a.phase === p.key)
        .map((a): WheelActivity => {
          n++;
          const done = a.startMonth !== null && a.startMonth < 12 ? Math.round(units * 0.8) : 0;
          const completion: Completion = { total: units, done, notApplicable: 2, inProgress: 3, notStarted: units - done - 5, overdue: done > 0 ? 4 : 0 };
          const startsOn = a.startMonth ? new Date(Date.UTC(2026, a.startMonth - 1, 1)) : null;
          return {
            id: `routine-${index}/${a.key}`, number: String(n), key: a.key, title: a.title, shortName: a.shortName ?? null, description: a.description ?? null,
            kind: (a.kind ?? "CHECKLIST") as WheelActivity["kind"], timing: a.timing as WheelActivity["timing"], startMonth: a.startMonth, endMonth: a.endMonth,
            responsibleRole: (a.responsibleRole ?? "ENHETSCHEF") as WheelActivity["responsibleRole"], scope: (a.scope ?? "UNIT") as WheelActivity["scope"], local: false,
            startsOn, dueOn: a.endMonth ? new Date(Date.UTC(2026, a.endMonth, 0)) : null, completion,
            overdueUnits: [], level: completionLevel(completion, startsOn, SYNTHETIC_TODAY),
          };
        }),
    })),
  };
}

export function syntheticWheelData(routines: SeedRoutine[], units: number, version = 1): WheelData {
  return {
    organisationName: "Mätkommun", years: [2026], firstMonth: 1, year: 2026, open: true, hasCycle: true, today: SYNTHETIC_TODAY, scope: "verksamhet",
    survey: { dispatchOn: new Date(Date.UTC(2026, 8, 7)), reminderOn: new Date(Date.UTC(2026, 8, 28)), lastAnswerOn: new Date(Date.UTC(2026, 10, 9)), resultsPublishedOn: null },
    units: [], unit: null, pickerArea: null, actions: [], ownTasks: {}, progress: { total: 0, done: 0, notApplicable: 0, due: 0, dueDone: 0 } as unknown as WheelData["progress"],
    routines: routines.map((r, i) => routine(r, units, i, version)),
  };
}

/** The benchmark's routine: the seeded one's first 40 activities, one a month in turn (scripts/bench-support.ts). */
export function benchRoutine(): SeedRoutine {
  const source = seededRoutine("routine-brukarundersokning.json");
  const activities = Array.from({ length: 40 }, (_, i) => {
    const a = source.activities[i % source.activities.length]!;
    const month = (i % 12) + 1;
    return { ...a, key: `bench-${i + 1}`, title: `${a.title} (${i + 1})`, timing: "MONTH", startMonth: month, endMonth: month };
  });
  return { ...source, key: "bench", title: "Benchmark-rutin", activities };
}
