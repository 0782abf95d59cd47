"use client";

import { Link } from "@/components/ui/link";
import { MONTH_NAMES } from "@/lib/dates/cycle";
import { formatShare, shareBand, type CoverageCell } from "@/lib/dashboard/coverage";
import { unitChecklistHref } from "@/lib/dashboard/schemas";
import { BAND_CLASSES } from "./bands";

/**
 * One unit's row of the heat map as the server sends it: 12 months × [due, done, notApplicable, dueSoFar,
 * doneSoFar, overdue] in one flat array. A client component gets its props once in the page's React payload,
 * where a server component's markup would be sent a second time, cell by cell (see README, Prestanda).
 */
export type CompactRow = { id: string; name: string; cells: number[]; /** An area's row: its heat map of units. */ href?: string };
export type CompactArea = { name: string; rows: CompactRow[] };
const FIELDS = 6;

/** The cell at `index` (0–11, in the cycle's order of months), for month `month` (1–12). */
function cellOf(row: CompactRow, index: number, month: number, state: CoverageCell["state"]): CoverageCell {
  const [due, done, notApplicable, dueSoFar, doneSoFar, overdue] = row.cells.slice(index * FIELDS, (index + 1) * FIELDS) as [number, number, number, number, number, number];
  return { month, due, done, notApplicable, dueSoFar, doneSoFar, overdue, state, share: dueSoFar === 0 ? null : doneSoFar / dueSoFar };
}

const overdueText = (n: number) => (n > 0 ? `, ${n} försenad${n === 1 ? "" : "e"}` : "");
const naText = (n: number) => (n > 0 ? `, ${n} ej aktuell${n === 1 ? "" : "a"} räknas inte` : "");

/** The cell in words: what the share is of, or why there is none yet. */
function cellText(c: CoverageCell): string {
  if (c.share === null) return `${c.state === "current" ? "pågår" : "kommer"}, inget har passerat sitt slutdatum ännu; ${c.done} av ${c.due} klara${naText(c.notApplicable)}`;
  const rest = c.due > c.dueSoFar ? `; ${c.due - c.dueSoFar} till senare i månaden` : "";
  return `${c.doneSoFar} av ${c.dueSoFar} klara av dem som skulle vara klara i dag${overdueText(c.overdue)}${rest}${naText(c.notApplicable)}`;
}

function Cell({ cell, row, year }: { cell: CoverageCell; row: CompactRow; year: number }) {
  const where = `${row.name}, ${MONTH_NAMES[cell.month - 1]}`;
  if (cell.due === 0) {
    return (
      <td className={`heat-cell px-2 py-1 ${BAND_CLASSES.none}`}>
        <span aria-hidden="true">{cell.notApplicable > 0 ? "ej akt." : "–"}</span>
        <span className="sr-only">{cell.notApplicable > 0 ? `${where}: ${cell.notApplicable} ej aktuella, inget att göra` : "Inget att göra"}</span>
      </td>
    );
  }
  // A month whose tasks are not yet due is in progress (or to come), never a failure: no share, no red.
  const pending = cell.share === null;
  const content = (
    <>
      <span aria-hidden="true">{pending ? (cell.state === "current" ? "pågår" : "kommer") : formatShare(cell.share)}</span>
      {pending && <span className="heat-note" aria-hidden="true">{`${cell.done} av ${cell.due}`}</span>}
      {cell.overdue > 0 && <span className="heat-note" aria-hidden="true">{`${cell.overdue} förs.`}</span>}
      <span className="sr-only">{`${where}: ${cellText(cell)}`}</span>
    </>
  );
  return (
    <td className={`heat-cell ${pending ? BAND_CLASSES.pending : BAND_CLASSES[shareBand(cell.share)]}`}>
      {row.href ? (
        <span className="heat-link font-semibold">{content}</span>
      ) : (
        <Link href={unitChecklistHref(row.id, year, cell.overdue > 0 ? "forsenade" : undefined)} className="heat-link">
          {content}
        </Link>
      )}
    </td>
  );
}

function Row({ row, year, states, months }: { row: CompactRow; year: number; states: CoverageCell["state"][]; months: number[] }) {
  const cells = states.map((state, i) => cellOf(row, i, months[i] ?? i + 1, state));
  const dueSoFar = cells.reduce((n, c) => n + c.dueSoFar, 0);
  const doneSoFar = cells.reduce((n, c) => n + c.doneSoFar, 0);
  const overdue = cells.reduce((n, c) => n + c.overdue, 0);
  const share = dueSoFar === 0 ? null : doneSoFar / dueSoFar;
  return (
    <tr>
      <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-medium">
        <Link href={row.href ?? unitChecklistHref(row.id, year)} className="text-blue-800 underline underline-offset-2">
          {row.name}
        </Link>
      </th>
      {cells.map((cell) => (
        <Cell key={cell.month} cell={cell} row={row} year={year} />
      ))}
      <td className={`heat-cell px-2 py-1 font-semibold ${BAND_CLASSES[shareBand(share)]}`}>
        {formatShare(share)}
        <span className="heat-note">{`${doneSoFar} av ${dueSoFar}`}</span>
      </td>
      <td className="heat-cell px-2 py-1">{overdue > 0 ? <span className="font-semibold text-red-900">{overdue}</span> : "0"}</td>
    </tr>
  );
}

/** The body of the units × months heat map, one tbody per area (with its name as a header row unless the rows are areas). */
export function CoverageGrid({ areas, year, states, months }: { areas: CompactArea[]; year: number; states: CoverageCell["state"][]; /** The columns' months, in the cycle's order. */ months: number[] }) {
  return areas.map((area) => (
    <tbody key={area.name}>
      {area.name && (
        <tr className="bg-slate-50">
          <th scope="colgroup" colSpan={15} className="px-3 py-1 text-left font-semibold text-slate-800">
            {area.name}
          </th>
        </tr>
      )}
      {area.rows.map((row) => (
        <Row key={row.id} row={row} year={year} states={states} months={months} />
      ))}
    </tbody>
  ));
}
