"use client";

import { Link } from "@/components/ui/link";
import { formatShare, shareBand, type CoverageCell } from "@/lib/dashboard/coverage";
import { unpackCells } from "@/lib/dashboard/compact-cells";
import { dashboardAreaHref, unitChecklistHref } from "@/lib/dashboard/links";
import { MONTH_NAMES } from "@/lib/dates/months";
import { BAND_CLASSES } from "./bands";

/**
 * One unit's (or area's) row of the heat map as the server sends it: its id, name and twelve months' counts in one
 * flat list (lib/dashboard/compact-cells.ts). A client component gets its props once in the page's React payload,
 * where a server component's markup would be sent a second time, cell by cell (see README, Prestanda). The cells carry
 * only their band: the rest of their look is named once in components/dashboard/dashboard.css.
 */
export type CompactRow = [id: string, name: string, cells: number[]];
export type CompactArea = { name: string; rows: CompactRow[] };

const naText = (n: number) => (n > 0 ? `, ${n} ej aktuell${n === 1 ? "" : "a"} räknas inte` : "");

/**
 * One month of a row. The visible words are what a screen reader reads, with the row's and column's headers and the
 * table's caption for what the share is of. The links are the row's: its unit's checklist and its försenade (a month
 * has no list of its own), so that the map is not 720 tab stops and 300 bytes a cell at 60 units (README, Prestanda).
 */
function Cell({ cell }: { cell: CoverageCell }) {
  if (cell.due === 0) {
    return (
      <td className="heat-empty">
        <span aria-hidden="true">{cell.notApplicable > 0 ? "ej akt." : "–"}</span>
        <span className="sr-only">{cell.notApplicable > 0 ? `${cell.notApplicable} ej aktuella, inget att göra` : "inget att göra"}</span>
      </td>
    );
  }
  // "förs." is explained in the table's caption; the counts behind a share are in the Excel file.
  const overdue = cell.overdue > 0 && <small>{`${cell.overdue} förs.`}</small>;
  // A month whose tasks are not yet due is in progress (or to come), never a failure: no share, no red.
  if (cell.share === null) {
    return (
      <td className={BAND_CLASSES.pending}>
        {cell.state === "current" ? "pågår" : "kommer"}
        <small>
          {`${cell.done} av ${cell.due}`}
          <span className="sr-only">{` klara${naText(cell.notApplicable)}`}</span>
        </small>
        {overdue}
      </td>
    );
  }
  return (
    <td className={BAND_CLASSES[shareBand(cell.share)]}>
      {formatShare(cell.share)}
      {overdue}
    </td>
  );
}

function Row({ row: [id, name, packed], byArea, year, states, months }: { row: CompactRow; byArea: boolean; year: number; states: CoverageCell["state"][]; months: number[] }) {
  const cells = unpackCells(packed, months, states);
  const dueSoFar = cells.reduce((n, c) => n + c.dueSoFar, 0);
  const doneSoFar = cells.reduce((n, c) => n + c.doneSoFar, 0);
  const overdue = cells.reduce((n, c) => n + c.overdue, 0);
  const share = dueSoFar === 0 ? null : doneSoFar / dueSoFar;
  return (
    <tr>
      <th scope="row">
        <Link href={byArea ? dashboardAreaHref(year, id) : unitChecklistHref(id, year)}>{name}</Link>
      </th>
      {cells.map((cell) => (
        <Cell key={cell.month} cell={cell} />
      ))}
      <td className={BAND_CLASSES[shareBand(share)]}>
        {formatShare(share)}
        <small>{`${doneSoFar} av ${dueSoFar}`}</small>
      </td>
      <td>
        {overdue === 0 ? (
          <span className="font-normal">0</span>
        ) : byArea ? (
          <span className="text-red-900">{overdue}</span>
        ) : (
          <Link href={unitChecklistHref(id, year, "forsenade")}>
            {overdue}
            <span className="sr-only">{` försenade i ${name}`}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}

/**
 * The units × months heat map's head and body, one tbody per area (with its name as a header row unless the rows are
 * areas). The head is here too, so that its twelve months are not sent as elements in the page's payload.
 */
export function CoverageGrid({
  areas,
  year,
  states,
  months,
  byArea,
}: {
  areas: CompactArea[];
  year: number;
  states: CoverageCell["state"][];
  /** The columns' months, in the cycle's order. */
  months: number[];
  /** The rows are areas. */
  byArea: boolean;
}) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{byArea ? "Område" : "Enhet"}</th>
          {months.map((month) => (
            <th key={month} scope="col">
              <abbr title={MONTH_NAMES[month - 1]}>{MONTH_NAMES[month - 1]!.slice(0, 3)}</abbr>
            </th>
          ))}
          <th scope="col">
            Hittills<span className="sr-only">: klara av dem som skulle vara klara i dag</span>
          </th>
          <th scope="col">Försenade</th>
        </tr>
      </thead>
      {areas.map((area) => (
        <tbody key={area.name}>
          {area.name && (
            <tr className="bg-slate-50">
              <th scope="colgroup" colSpan={15}>
                {area.name}
              </th>
            </tr>
          )}
          {area.rows.map((row) => (
            <Row key={row[0]} row={row} byArea={byArea} year={year} states={states} months={months} />
          ))}
        </tbody>
      ))}
    </>
  );
}
