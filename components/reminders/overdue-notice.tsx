"use client";

import { Link } from "@/components/ui/link";
import { useOverdueCount } from "@/components/checklist/task-store";
import { overdueHref } from "@/lib/tasks/overdue-href";

/** "Du har 3 försenade uppgifter." in Att göra nu: the menu's count, following the tick-offs made on the page. */
export function OverdueNotice({ count, renderedAt, oneUnit }: { count: number; renderedAt: number; oneUnit: boolean }) {
  const overdue = useOverdueCount(count, renderedAt);
  if (overdue === 0) return null;
  return (
    <p className="mt-1">
      <span className="font-medium text-red-800">
        Du har {overdue} {overdue === 1 ? "försenad uppgift" : "försenade uppgifter"}
        {oneUnit ? " i dina enheter" : ""}.
      </span>{" "}
      <Link href={overdueHref()} className="text-sm text-blue-800 underline underline-offset-4">
        Visa {overdue === 1 ? "den" : "alla"}
      </Link>
    </p>
  );
}
