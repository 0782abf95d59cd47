/**
 * `node --import tsx scripts/measure-wheel-layout.ts [--runs 400]`: what the wheel's layout cache (lib/wheel/layout-cache.ts)
 * saves per request. Builds the verksamhetschef's wheel data without a database (the seeded routines, and the
 * benchmark's routine of 40 monthly activities, `npm run bench`), then times in this process:
 *   - the layout alone: computed (no cache) and looked up (the key, a hash of its input, and a hit);
 *   - WheelSvg rendered to markup with the cache emptied before every render and with it warm.
 * Prints one line per figure (MEASURE …, microseconds per request); it never fails on them.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { WheelSvg, wheelLayoutInput } from "../components/wheel/wheel-svg.tsx";
import { clearWheelLayoutCache, computeWheelLayout, wheelLayout } from "../lib/wheel/layout-cache.ts";
import type { WheelData } from "../lib/wheel/data.ts";
import { benchRoutine, seededRoutine, syntheticWheelData } from "../tests/support/synthetic-wheel.ts";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 400;

function time(label: string, runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(runs / 2)]! * 1000;
  const mean = (times.reduce((a, b) => a + b, 0) / runs) * 1000;
  console.log(`MEASURE ${label} p50_us=${p50.toFixed(0)} mean_us=${mean.toFixed(0)} runs=${runs}`);
  return mean;
}

const cases: { name: string; data: WheelData }[] = [
  { name: "seed-verksamhetschef", data: syntheticWheelData([seededRoutine("routine-brukarundersokning.json"), seededRoutine("routine-kvalitetssakring.json")], 14) },
  { name: "bench-40-activities", data: syntheticWheelData([benchRoutine()], 60) },
];
for (const { name, data } of cases) {
  const input = wheelLayoutInput(data);
  const marks = input.rings.reduce((n, r) => n + r.activities.length, 0);
  console.log(`# ${name}: ${input.rings.length} rings, ${marks} marks`);
  const uncached = time(`${name} layout=uncached`, RUNS, () => computeWheelLayout(input));
  wheelLayout(input);
  const cached = time(`${name} layout=cached (input+key+hit)`, RUNS, () => wheelLayout(wheelLayoutInput(data)));
  const element = createElement(WheelSvg, { data, still: true });
  const cold = time(`${name} WheelSvg=render, cache emptied each time`, Math.ceil(RUNS / 2), () => {
    clearWheelLayoutCache();
    return renderToStaticMarkup(element);
  });
  const warm = time(`${name} WheelSvg=render, cache warm`, Math.ceil(RUNS / 2), () => renderToStaticMarkup(element));
  console.log(`MEASURE ${name} saved_per_request_us=${(uncached - cached).toFixed(0)} (layout) render_saved_us=${(cold - warm).toFixed(0)} of ${cold.toFixed(0)} (${(((cold - warm) / cold) * 100).toFixed(0)} %)`);
}
