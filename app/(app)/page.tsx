import { RoutineOverview } from "@/components/routine/routine-overview";
import { requirePermission } from "@/lib/auth/session";
import { getActiveRoutines } from "@/lib/routines/queries";

export const dynamic = "force-dynamic";

export default async function StartPage() {
  const user = await requirePermission("routine:read");
  const routines = await getActiveRoutines(user);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Hemtjänstens årshjul</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Gällande rutiner med sina faser och aktiviteter, månad för månad. Varje aktivitet blir en uppgift för varje enhet
          (eller för hela verksamheten) i årets cykel.
        </p>
      </div>
      {routines.length === 0 ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4">Det finns ingen gällande rutin ännu.</p>
      ) : (
        routines.map((routine) => <RoutineOverview key={routine.id} routine={routine} />)
      )}
    </div>
  );
}
