import { formatPercent, formatPoints, type Cell, type Verdict } from "@/lib/results/compare";

/** A value as text: "84,5 %", "för få svar" (fewer than 7 answers) or "–" (no result). */
export function cellText(cell: Cell): string {
  if (cell.kind === "value") return formatPercent(cell.value);
  return cell.kind === "suppressed" ? "för få svar" : "–";
}

export function pointsText(points: number | null): string {
  return points === null ? "–" : `${formatPoints(points)} p.e.`;
}

export { VERDICT_TEXT } from "@/lib/results/compare";
export const VERDICT_CLASS: Record<Verdict, string> = {
  better: "text-green-800",
  worse: "text-red-800",
  same: "text-slate-700",
  unknown: "text-slate-700",
};
