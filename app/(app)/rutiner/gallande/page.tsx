import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { RoutineOverview } from "@/components/routines/routine-overview";
import { requirePermission } from "@/lib/auth/session";
import { getActiveRoutines } from "@/lib/routines/queries";
import { Notice } from "@/components/ui/section";

// The menu calls this page "Rutiner": its heading and title say the same. (The start page is the årshjul.)
export const metadata: Metadata = { title: "Rutiner" };
export const dynamic = "force-dynamic";

export default async function RoutinesPage() {
  const user = await requirePermission("routine:read");
  const routines = await getActiveRoutines(user);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Rutiner</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Hemtjänstens gällande rutiner med sina faser och aktiviteter, månad för månad. Varje aktivitet blir en uppgift för varje enhet
          (eller för hela verksamheten) i årets cykel.
        </p>
        <p className="mt-3">
          <Link href="/" className="font-semibold text-blue-800 underline">
            Visa rutinerna i årshjulet
          </Link>
        </p>
      </div>
      {routines.length === 0 ? (
        <Notice>Det finns ingen gällande rutin ännu.</Notice>
      ) : (
        routines.map((routine) => <RoutineOverview key={routine.id} routine={routine} />)
      )}
    </div>
  );
}
