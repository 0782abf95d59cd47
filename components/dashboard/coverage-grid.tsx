"use client";

import { Link } from "@/components/ui/link";
import { formatShare, shareBand, type CoverageCell } from "@/lib/dashboard/coverage";
import { unitChecklistHref } from "@/lib/dashboard/links";
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

const naText = (n: number) => (n > 0 ? `, ${n} ej aktuell${n === 1 ? "" : "a"} räknas inte` : "");

/**
 * One month of a row. The visible words are what a screen reader reads, with the row's and column's headers and the
 * table's caption for what the share is of. The links are the row's: its unit's checklist and its försenade (a month
 * has no list of its own), so that the map is not 720 tab stops and 300 bytes a cell at 60 units (README, Prestanda).
 */
function Cell({ cell }: { cell: CoverageCell }) {
  if (cell.due === 0) {
    return (
      <td className={`heat-cell font-normal ${BAND_CLASSES.none}`}>
        <span aria-hidden="true">{cell.notApplicable > 0 ? "ej akt." : "–"}</span>
        <span className="sr-only">{cell.notApplicable > 0 ? `${cell.notApplicable} ej aktuella, inget att göra` : "inget att göra"}</span>
      </td>
    );
  }
  // A month whose tasks are not yet due is in progress (or to come), never a failure: no share, no red.
  const pending = cell.share === null;
  const figures = pending ? (
    <>
      {cell.state === "current" ? "pågår" : "kommer"}
      <span className="heat-note">
        {`${cell.done} av ${cell.due}`}
        <span className="sr-only">{` klara${naText(cell.notApplicable)}`}</span>
      </span>
    </>
  ) : (
    formatShare(cell.share)
  );
  // "förs." is explained in the table's caption; the counts behind a share are in the Excel file.
  const overdue = cell.overdue > 0 && <span className="heat-note">{`${cell.overdue} förs.`}</span>;
  return (
    <td className={`heat-cell ${pending ? BAND_CLASSES.pending : BAND_CLASSES[shareBand(cell.share)]}`}>
      {figures}
      {overdue}
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
        <Cell key={cell.month} cell={cell} />
      ))}
      <td className={`heat-cell ${BAND_CLASSES[shareBand(share)]}`}>
        {formatShare(share)}
        <span className="heat-note">{`${doneSoFar} av ${dueSoFar}`}</span>
      </td>
      <td className="heat-cell">
        {overdue === 0 ? (
          <span className="font-normal">0</span>
        ) : row.href ? (
          <span className="text-red-900">{overdue}</span>
        ) : (
          <Link href={unitChecklistHref(row.id, year, "forsenade")} className="heat-link text-red-900">
            {overdue}
            <span className="sr-only">{` försenade i ${row.name}`}</span>
          </Link>
        )}
      </td>
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
