"use client";

import { Link } from "@/components/ui/link";
import { unitChecklistHref } from "@/lib/dashboard/links";

/** One overdue task as the server sends it, its texts ready to show (dates and role in words). */
export type OverdueRowData = { id: string; title: string; enhet: string; unitName: string; role: string; due: string; days: number };

const cell = "px-3 py-2 align-top";

/**
 * The overdue list's rows. A client component so that the page's React payload carries each task's data once
 * instead of its markup a second time (see components/dashboard/coverage-grid.tsx).
 */
export function OverdueRows({ rows, year }: { rows: OverdueRowData[]; year: number }) {
  return rows.map((t) => (
    <tr key={t.id} className="border-t border-slate-200">
      <th scope="row" className={`${cell} font-medium`}>
        <Link href={`/checklista/uppgift/${t.id}`} className="text-blue-800 underline underline-offset-2">
          {t.title}
        </Link>
      </th>
      <td className={cell}>
        <Link href={unitChecklistHref(t.enhet, year, "forsenade")} className="text-blue-800 underline underline-offset-2">
          {t.unitName}
        </Link>
      </td>
      <td className={cell}>{t.role}</td>
      <td className={cell}>{t.due}</td>
      <td className={`${cell} text-right font-semibold tabular-nums`}>{t.days}</td>
    </tr>
  ));
}
