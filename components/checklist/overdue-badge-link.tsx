"use client";

import { Link } from "@/components/ui/link";
import { overdueHref } from "@/lib/tasks/overdue-href";
import { useOverdueCount } from "./task-store";

/**
 * The menu's count of the user's försenade, a link to them; it follows the tick-offs made on the page since the server
 * counted (task-store.ts), since a tick-off answers without re-rendering the page (docs/decisions/033).
 */
export function OverdueBadgeLink({ count, renderedAt }: { count: number; renderedAt: number }) {
  const overdue = useOverdueCount(count, renderedAt);
  if (overdue === 0) return null;
  return (
    <li>
      <Link href={overdueHref()} className="inline-flex min-h-6 items-center rounded-full bg-red-800 px-2 py-0.5 font-semibold text-white hover:underline">
        {overdue} {overdue === 1 ? "försenad" : "försenade"}
      </Link>
    </li>
  );
}
