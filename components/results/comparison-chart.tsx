import type { ComparisonRow } from "@/lib/results/compare";
import { cellText } from "./format";

const pct = (v: number) => `${Math.min(100, Math.max(0, v))}%`;

/**
 * Per indicator: the unit's value as a bar on a 0–100 scale, with the kommun (solid line), the riket (dashed line)
 * and the previous year (ring). The numbers are written beside each bar, so the drawing itself is hidden from
 * screen readers and the table below has them too.
 */
export function ComparisonChart({ rows, unitName, year }: { rows: ComparisonRow[]; unitName: string; year: number }) {
  return (
    <figure className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="font-semibold">
        {unitName} {year} jämfört med kommunen, riket och {year - 1}
      </figcaption>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Teckenförklaring">
        <li className="flex items-center gap-2">
          <svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="#1d4ed8" /></svg> {unitName}
        </li>
        <li className="flex items-center gap-2">
          <svg width="6" height="18" aria-hidden="true"><line x1="3" x2="3" y1="0" y2="18" stroke="#0f172a" strokeWidth="3" /></svg> Kommunen
        </li>
        <li className="flex items-center gap-2">
          <svg width="6" height="18" aria-hidden="true"><line x1="3" x2="3" y1="0" y2="18" stroke="#b45309" strokeWidth="3" strokeDasharray="4 2" /></svg> Riket
        </li>
        <li className="flex items-center gap-2">
          <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="white" stroke="#475569" strokeWidth="2.5" /></svg> {year - 1}
        </li>
      </ul>
      <ul className="space-y-3">
        {rows.map((row) => {
          const unit = row.unit.kind === "value" ? row.unit.value : null;
          const kommun = row.kommun.kind === "value" ? row.kommun.value : null;
          const riket = row.riket.kind === "value" ? row.riket.value : null;
          const previous = row.previous.kind === "value" ? row.previous.value : null;
          return (
            <li key={row.indicator.id}>
              <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                <span className="font-medium">
                  {row.indicator.name}
                  {!row.indicator.higherIsBetter && <span className="font-normal text-slate-700"> (lägre är bättre)</span>}
                </span>
                <span>
                  <strong>{cellText(row.unit)}</strong> · kommunen {cellText(row.kommun)} · riket {cellText(row.riket)} · {year - 1}: {cellText(row.previous)}
                </span>
              </p>
              <svg width="100%" height="24" aria-hidden="true" className="mt-1 block overflow-visible">
                <rect x="0" y="4" width="100%" height="16" fill="#e2e8f0" />
                {unit !== null && <rect x="0" y="4" width={pct(unit)} height="16" fill="#1d4ed8" />}
                {kommun !== null && <line x1={pct(kommun)} x2={pct(kommun)} y1="0" y2="24" stroke="#0f172a" strokeWidth="3" />}
                {riket !== null && <line x1={pct(riket)} x2={pct(riket)} y1="0" y2="24" stroke="#b45309" strokeWidth="3" strokeDasharray="4 2" />}
                {previous !== null && <circle cx={pct(previous)} cy="12" r="5" fill="white" stroke="#475569" strokeWidth="2.5" />}
              </svg>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-700">Skalan går från 0 till 100 %.</p>
    </figure>
  );
}
