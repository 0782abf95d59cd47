import { Link } from "@/components/ui/link";
import type { Dashboard } from "@/lib/dashboard/queries";

/** What the routine leaves unplanned (no month, no responsible role) and the units without tasks this cycle. */
export function PlanningGaps({ data }: { data: Dashboard }) {
  if (data.gaps.length === 0 && data.unitsWithoutTasks.length === 0) {
    return <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900">Inga luckor: alla aktiviteter har månad och ansvarig roll, och alla enheter har uppgifter i cykeln.</p>;
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="font-semibold">Aktiviteter som saknar månad eller ansvarig</h3>
        {data.gaps.length === 0 ? (
          <p className="mt-2 text-sm">Alla aktiviteter i de gällande rutinerna har månad och ansvarig roll.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {data.gaps.map((g) => (
              <li key={g.id}>
                <span className="font-medium">{g.title}</span>
                <span className="block text-slate-700">
                  {g.routineTitle}, {g.phaseName}. Saknar {[g.missingMonth && "månad", g.missingRole && "ansvarig roll"].filter(Boolean).join(" och ")}.
                </span>
              </li>
            ))}
          </ul>
        )}
        {data.gaps.length > 0 && (
          <p className="mt-3 text-sm">
            <Link href="/rutiner" className="text-blue-800 underline underline-offset-2">
              Rutinerna
            </Link>{" "}
            kompletteras av verksamhetsutvecklaren.
          </p>
        )}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="font-semibold">Enheter utan uppgifter i cykeln {data.year}</h3>
        {data.unitsWithoutTasks.length === 0 ? (
          <p className="mt-2 text-sm">Alla aktiva enheter har uppgifter.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {data.unitsWithoutTasks.map((u) => (
              <li key={u.id}>
                {u.name} <span className="text-slate-700">({u.areaName})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
