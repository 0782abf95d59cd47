import { formatDateLong, MONTH_NAMES } from "../dates/cycle.ts";
import { slugify } from "../slug.ts";
import type { WheelScope } from "./scope.ts";
import { ACTIONS_LAYER, SURVEY_LAYER, viewMonths, viewRange, type WheelView } from "./views.ts";

/**
 * What the wheel's downloads and print view share: the wheel of a quarter or month (only what touches its days),
 * the names of the view and of the hidden layers, and an ASCII file name. Pure.
 */
type Dated = { startsOn: Date | null; dueOn: Date | null };
type ViewData = {
  year: number;
  firstMonth: number;
  routines: { key: string; title: string; phases: { activities: Dated[] }[] }[];
  actions: { dueOn: Date | null }[];
  survey: { dispatchOn: Date | null; lastAnswerOn: Date | null } | null;
};

const overlaps = (from: Date | null, to: Date | null, range: { from: Date; to: Date }) => from !== null && to !== null && from <= range.to && to >= range.from;

/** The wheel's data of a view: for a quarter or month only the activities, survey and actions that touch its days. */
export function dataForView<T extends ViewData>(data: T, view: WheelView): T {
  if (view.kind === "year") return data;
  const range = viewRange(view, data.year, data.firstMonth);
  return {
    ...data,
    routines: data.routines.map((r) => ({ ...r, phases: r.phases.map((p) => ({ ...p, activities: p.activities.filter((a) => overlaps(a.startsOn, a.dueOn, range)) })) })),
    actions: data.actions.filter((a) => overlaps(a.dueOn, a.dueOn, range)),
    survey: data.survey && overlaps(data.survey.dispatchOn, data.survey.lastAnswerOn, range) ? data.survey : null,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Helår", "Kvartal 1: december–februari", "Mars 2027". */
export function viewName(view: WheelView, year: number, firstMonth: number): string {
  if (view.kind === "year") return "Helår";
  const months = viewMonths(view, firstMonth);
  if (view.kind === "quarter") return `Kvartal ${view.quarter}: ${MONTH_NAMES[months[0]! - 1]}–${MONTH_NAMES[months[2]! - 1]}`;
  return `${capitalise(MONTH_NAMES[view.month - 1]!)} ${viewRange(view, year, firstMonth).from.getUTCFullYear()}`;
}

/** The layers left out, in words ("Förbättringsåtgärder, Enkätperioden, <routine>"); empty when none is hidden. */
export function hiddenLayerNames(hidden: readonly string[], routines: readonly { key: string; title: string }[]): string[] {
  return [
    ...routines.filter((r) => hidden.includes(r.key)).map((r) => r.title),
    ...(hidden.includes(SURVEY_LAYER) ? ["Enkätperioden"] : []),
    ...(hidden.includes(ACTIONS_LAYER) ? ["Förbättringsåtgärder"] : []),
  ];
}

/** "arshjul-2027-larkan-kvartal-1.png": year, unit and view, in ASCII so that every browser keeps the name. */
export function exportFilename(year: number, unitName: string | null, view: WheelView, extension: "svg" | "png"): string {
  const parts = ["arshjul", String(year)];
  if (unitName) parts.push(slugify(unitName));
  if (view.kind === "quarter") parts.push(`kvartal-${view.quarter}`);
  if (view.kind === "month") parts.push(`manad-${view.month}`);
  return `${parts.join("-")}.${extension}`;
}

export type WheelExportInfo = { title: string; lines: string[] };

/** The heading of an export or print: "Årshjulet 2027 – Lärkan" and its organisation, view, hidden layers and date. */
export function wheelExportInfo(data: { year: number; organisationName: string; today: Date; scope: WheelScope["kind"]; unit: { name: string } | null }, viewName: string, hiddenNames: string[]): WheelExportInfo {
  const whose = data.unit?.name ?? { verksamhet: "Alla enheter", units: "Alla enheter", communications: "Kommunikationsenheten", review: "Kvalitetsgranskningen", routines: "Rutinerna" }[data.scope];
  return {
    title: `Årshjulet ${data.year} – ${whose}`,
    lines: [
      [data.organisationName, viewName, `Läget den ${formatDateLong(data.today)}`].filter(Boolean).join(" · "),
      ...(hiddenNames.length > 0 ? [`Visas inte: ${hiddenNames.join(", ")}`] : []),
    ],
  };
}
