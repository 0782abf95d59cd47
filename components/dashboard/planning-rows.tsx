"use client";

import { Link } from "@/components/ui/link";
import { formatShare } from "@/lib/tasks/progress";
import { dashboardAreaHref, unitChecklistHref } from "@/lib/dashboard/links";

/**
 * One unit's planning check as the server sends it: the unit, its planned and day-bound steps, how much of its year
 * is done (in words), its first missing steps and how many more, and its steps planned outside their time as [title,
 * date]: texts as indexes into the table's texts (components/dashboard/text-table.ts), since the same few titles recur
 * in every unit. A client component, so that the page's React payload carries each figure once instead of the rows'
 * markup a second time (docs/decisions/013); the cells' classes are named in components/dashboard/dashboard.css.
 */
export type PlanningRowData = [id: string, name: string, planned: number, dayBound: number, done: number, unplanned: number[], more: number, outside: [title: number, date: number][]];
export type PlanningAreaData = { name: string; rows: PlanningRowData[] };

/** The planning check's body, one tbody per area with its name as a header row. */
export function PlanningRows({ areas, texts, year }: { areas: PlanningAreaData[]; texts: string[]; year: number }) {
  return areas.map((area) => (
    <tbody key={area.name}>
      <tr className="bg-slate-50">
        <th scope="colgroup" colSpan={5} className="font-semibold">
          {area.name}
        </th>
      </tr>
      {area.rows.map(([id, name, planned, dayBound, done, unplanned, more, outside]) => (
        <tr key={id}>
          <th scope="row">
            <Link href={unitChecklistHref(id, year)}>{name}</Link>
          </th>
          <td>
            {`${formatShare(dayBound === 0 ? null : planned / dayBound)} `}
            <small>{`(${planned} av ${dayBound})`}</small>
          </td>
          <td>{texts[done]}</td>
          <td>
            {unplanned.length === 0 ? (
              "Inget"
            ) : (
              <ul>
                {unplanned.map((t, i) => (
                  <li key={i}>{texts[t]}</li>
                ))}
                {more > 0 && <li>{`och ${more} till`}</li>}
              </ul>
            )}
          </td>
          <td>
            {outside.length === 0 ? (
              "Inga"
            ) : (
              <ul>
                {outside.map(([title, date], i) => (
                  <li key={i}>{`${texts[title]}: ${texts[date]}`}</li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  ));
}

/** An area's summed planning check (above 60 units): the area, its units, planned and day-bound steps, done in words, missing and outside their time. */
export type AreaPlanningRowData = [id: string, name: string, units: number, planned: number, dayBound: number, done: string, unplanned: number, outside: number];

const steps = (n: number) => (n === 0 ? "Inga" : `${n} steg`);

/** The planning check's body with one row per area; an area's name opens its units' planning. */
export function AreaPlanningRows({ rows, year }: { rows: AreaPlanningRowData[]; year: number }) {
  return (
    <tbody>
      {rows.map(([id, name, units, planned, dayBound, done, unplanned, outside]) => (
        <tr key={id}>
          <th scope="row">
            <Link href={dashboardAreaHref(year, id, "planering")}>{name}</Link>
            <small>{`${units} enheter`}</small>
          </th>
          <td>
            {`${formatShare(dayBound === 0 ? null : planned / dayBound)} `}
            <small>{`(${planned} av ${dayBound})`}</small>
          </td>
          <td>{done}</td>
          <td>{steps(unplanned)}</td>
          <td>{steps(outside)}</td>
        </tr>
      ))}
    </tbody>
  );
}
