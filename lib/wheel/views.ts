import { z } from "zod";
import { lastDayOfMonth, utcDate } from "../dates/cycle.ts";

/**
 * The start page's zoom and layers, kept in the query string so that a view can be shared and works without
 * JavaScript: ?vy=kvartal&kvartal=1, ?vy=manad&manad=2, ?dolj=atgarder,enkat,<routine key>. Pure.
 */
export type WheelView = { kind: "year" } | { kind: "quarter"; quarter: number } | { kind: "month"; month: number };

/** The layers that can be hidden besides each routine (by its key). */
export const ACTIONS_LAYER = "atgarder";
export const SURVEY_LAYER = "enkat";

const number = (max: number) => z.coerce.number().int().min(1).max(max).optional().catch(undefined);

export const wheelViewSchema = z
  .object({
    vy: z.enum(["ar", "kvartal", "manad"]).optional().catch(undefined),
    kvartal: number(4),
    manad: number(12),
    dolj: z
      .string()
      .max(500)
      .optional()
      .catch(undefined)
      .transform((s) => (s ? [...new Set(s.split(",").map((k) => k.trim()).filter((k) => /^[a-z0-9_-]{1,60}$/i.test(k)))].sort() : [])),
  })
  .transform((p) => ({ vy: p.vy ?? "ar", quarter: p.kvartal, month: p.manad, hidden: p.dolj }));
export type WheelViewParams = z.infer<typeof wheelViewSchema>;

/**
 * The wheel's quarters and months follow its first month (lib/wheel/geometry.ts): for a cycle that starts in
 * December, kvartal 1 is december–februari and December lies in the year before the cycle's (lib/dates/cycle.ts).
 */
const offset = (month: number, firstMonth: number) => (month - firstMonth + 12) % 12;
export const quarterOf = (month: number, firstMonth = 1) => Math.floor(offset(month, firstMonth) / 3) + 1;
/** The month (1–12) a quarter begins with. */
export const quarterFirstMonth = (quarter: number, firstMonth = 1) => ((firstMonth - 1 + (quarter - 1) * 3) % 12) + 1;
/** The twelve months in the wheel's order. */
export const monthsInOrder = (firstMonth = 1) => Array.from({ length: 12 }, (_, i) => ((firstMonth - 1 + i) % 12) + 1);
/** The calendar year of a month of the cycle year `year`. */
export const yearOfMonth = (month: number, year: number, firstMonth = 1) => (firstMonth > 1 && month >= firstMonth ? year - 1 : year);

/** Today's month when today lies in the wheel's twelve months, else the wheel's first: where a quarter or month view opens. */
export function todayMonthIn(year: number, today: Date, firstMonth = 1): number {
  const month = today.getUTCMonth() + 1;
  return yearOfMonth(month, year, firstMonth) === today.getUTCFullYear() ? month : firstMonth;
}

/** The chosen view; a quarter or month not given is the one of today when the wheel shows today's year, else the first. */
export function resolveView(p: { vy: WheelViewParams["vy"]; quarter?: number; month?: number }, year: number, today: Date, firstMonth = 1): WheelView {
  const thisMonth = todayMonthIn(year, today, firstMonth);
  if (p.vy === "kvartal") return { kind: "quarter", quarter: p.quarter ?? quarterOf(p.month ?? thisMonth, firstMonth) };
  if (p.vy === "manad") return { kind: "month", month: p.month ?? (p.quarter ? quarterFirstMonth(p.quarter, firstMonth) : thisMonth) };
  return { kind: "year" };
}

/** The months a view shows, in order. */
export function viewMonths(view: WheelView, firstMonth = 1): number[] {
  if (view.kind === "quarter") return [0, 1, 2].map((i) => ((quarterFirstMonth(view.quarter, firstMonth) - 1 + i) % 12) + 1);
  if (view.kind === "month") return [view.month];
  return monthsInOrder(firstMonth);
}

/** The first and last day of a view in a cycle year (date-only UTC values). */
export function viewRange(view: WheelView, year: number, firstMonth = 1): { from: Date; to: Date } {
  const months = viewMonths(view, firstMonth);
  const first = months[0]!;
  const last = months.at(-1)!;
  return { from: utcDate(yearOfMonth(first, year, firstMonth), first, 1), to: lastDayOfMonth(yearOfMonth(last, year, firstMonth), last) };
}

const DAY = 86_400_000;
const days = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY);

/**
 * Where a period (whole days, inclusive) lies on a view's timeline, as percentages of its width from the left;
 * clamped to the view, null when it lies wholly outside. `continuesBefore/After` when it was cut.
 */
export function timelineSpan(from: Date, to: Date, range: { from: Date; to: Date }): { left: number; width: number; continuesBefore: boolean; continuesAfter: boolean } | null {
  if (to.getTime() < range.from.getTime() || from.getTime() > range.to.getTime() || to.getTime() < from.getTime()) return null;
  const total = days(range.from, range.to) + 1;
  const start = Math.max(0, days(range.from, from));
  const end = Math.min(total, days(range.from, to) + 1);
  const pct = (n: number) => Math.round((n / total) * 10_000) / 100;
  return { left: pct(start), width: pct(end - start), continuesBefore: from.getTime() < range.from.getTime(), continuesAfter: to.getTime() > range.to.getTime() };
}

/** The middle of one day on a view's timeline, in percent; null outside the view. */
export function timelineDay(day: Date, range: { from: Date; to: Date }): number | null {
  const span = timelineSpan(day, day, range);
  return span ? Math.round((span.left + span.width / 2) * 100) / 100 : null;
}

/** The query string of the start page with some of its settings changed; the defaults (helår, nothing hidden) are left out. */
export function wheelViewQuery(base: { year?: number; unitId?: string | null; view: WheelView; hidden: readonly string[] }, change: { view?: WheelView; hidden?: readonly string[] } = {}): string {
  const view = change.view ?? base.view;
  const hidden = change.hidden ?? base.hidden;
  const q = new URLSearchParams();
  if (base.year !== undefined) q.set("ar", String(base.year));
  if (base.unitId) q.set("enhet", base.unitId);
  if (view.kind === "quarter") {
    q.set("vy", "kvartal");
    q.set("kvartal", String(view.quarter));
  } else if (view.kind === "month") {
    q.set("vy", "manad");
    q.set("manad", String(view.month));
  }
  if (hidden.length > 0) q.set("dolj", [...hidden].sort().join(","));
  const s = q.toString().replaceAll("%2C", ",");
  return s ? `?${s}` : "?";
}

/** The hidden list with one layer shown again or hidden. */
export function toggleLayer(hidden: readonly string[], layer: string): string[] {
  return hidden.includes(layer) ? hidden.filter((h) => h !== layer) : [...hidden, layer].sort();
}

/** The wheel's data with the hidden layers left out: routines by key, the improvement actions, the survey period. */
export function withoutHiddenLayers<T extends { routines: { key: string }[]; actions: unknown[]; survey: unknown }>(data: T, hidden: readonly string[]): T {
  if (hidden.length === 0) return data;
  return {
    ...data,
    routines: data.routines.filter((r) => !hidden.includes(r.key)),
    actions: hidden.includes(ACTIONS_LAYER) ? [] : data.actions,
    survey: hidden.includes(SURVEY_LAYER) ? null : data.survey,
  };
}
