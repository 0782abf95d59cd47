import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { UpcomingPanel } from "@/components/reminders/upcoming-panel";
import { RoutineOverview } from "@/components/routines/routine-overview";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getUpcomingTasks } from "@/lib/reminders/queries";
import { getActiveRoutines } from "@/lib/routines/queries";
import * as clock from "@/lib/clock";
import { Notice } from "@/components/ui/section";

// The menu calls this page "Rutiner": its heading and title say the same.
export const metadata: Metadata = { title: "Rutiner" };
export const dynamic = "force-dynamic";

export default async function StartPage() {
  const user = await requirePermission("routine:read");
  const today = clock.today();
  const [routines, upcoming] = await Promise.all([getActiveRoutines(user), canAny(user, "task:update") ? getUpcomingTasks(user, today) : null]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Rutiner</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Hemtjänstens gällande rutiner med sina faser och aktiviteter, månad för månad. Varje aktivitet blir en uppgift för varje enhet
          (eller för hela verksamheten) i årets cykel.
        </p>
        {canAny(user, "dashboard:read") && (
          <p className="mt-3">
            <Link href="/arshjul" className="font-semibold text-blue-800 underline">
              Visa årshjulet med hur långt enheterna har kommit
            </Link>
          </p>
        )}
      </div>
      {upcoming && <UpcomingPanel tasks={upcoming.tasks} total={upcoming.total} today={today} />}
      {routines.length === 0 ? (
        <Notice>Det finns ingen gällande rutin ännu.</Notice>
      ) : (
        routines.map((routine) => <RoutineOverview key={routine.id} routine={routine} />)
      )}
    </div>
  );
}
