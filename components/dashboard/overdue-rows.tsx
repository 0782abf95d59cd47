"use client";

import { Link } from "@/components/ui/link";
import { unitChecklistHref } from "@/lib/dashboard/links";

/**
 * One overdue task as the server sends it: its id, the unit's `enhet` (a unit's id, "verksamhet" or "kommunikation")
 * and the days overdue, with its title, unit name, role and due date in words as indexes into the list's texts
 * (components/dashboard/text-table.ts).
 */
export type OverdueRowData = [id: string, title: number, enhet: string, unitName: number, role: number, due: number, days: number];

/**
 * The overdue list's rows. A client component so that the page's React payload carries each task's data once
 * instead of its markup a second time (see components/dashboard/coverage-grid.tsx); the cells' classes are named in
 * components/dashboard/dashboard.css.
 */
export function OverdueRows({ rows, texts, year }: { rows: OverdueRowData[]; texts: string[]; year: number }) {
  return rows.map(([id, title, enhet, unitName, role, due, days]) => (
    <tr key={id}>
      <th scope="row">
        <Link href={`/checklista/uppgift/${id}`}>{texts[title]}</Link>
      </th>
      <td>
        <Link href={unitChecklistHref(enhet, year, "forsenade")}>{texts[unitName]}</Link>
      </td>
      <td>{texts[role]}</td>
      <td>{texts[due]}</td>
      <td>{days}</td>
    </tr>
  ));
}
