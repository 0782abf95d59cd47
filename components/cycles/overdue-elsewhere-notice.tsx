import { Link } from "@/components/ui/link";
import { Notice } from "@/components/ui/section";
import { formatDateLong } from "@/lib/dates/cycle";
import type { OverdueElsewhere } from "@/lib/tasks/queries";

const countText = (n: number) => `${n} ${n === 1 ? "försenad uppgift" : "försenade uppgifter"}`;

/**
 * The other open cycle's försenade beside the cycle a page shows (docs/decisions/020): named with its months, with a
 * link to the list of exactly those tasks. `what` says whose tasks are counted ("som du kan göra", "i verksamheten").
 */
export function OverdueElsewhereNotice({ cycles, what }: { cycles: OverdueElsewhere[]; what: string }) {
  return cycles.map((c) => (
    <Notice key={c.year}>
      <span className="font-medium">
        {c.label} {c.state === "ending" ? `har tagit slut men är öppen för efterarbete till och med ${formatDateLong(c.openUntil)}` : "pågår"}: {countText(c.count)} {what}.
      </span>{" "}
      <Link href={c.href} className="text-blue-800 underline">
        Visa {c.count === 1 ? "den" : `de ${c.count}`} i cykel {c.year}
      </Link>
    </Notice>
  ));
}
