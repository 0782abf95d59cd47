import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Flash } from "@/components/routines/flash";
import { RoutineList } from "@/components/routines/routine-list";
import { requirePermission } from "@/lib/auth/session";
import { getManagedRoutines } from "@/lib/routines/versions";
import { createDraftAction } from "./actions";

export const metadata: Metadata = { title: "Hantera rutiner" };
export const dynamic = "force-dynamic";

export default async function RoutinesPage({ searchParams }: { searchParams: Promise<{ klart?: string }> }) {
  const user = await requirePermission("routine:manage");
  const [routines, { klart }] = await Promise.all([getManagedRoutines(user), searchParams]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold wrap-anywhere sm:text-3xl">Hantera rutiner</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Varje rutin har versioner. Du ändrar i ett utkast; när utkastet publiceras blir det gällande version och den tidigare
          arkiveras. Tidigare versioner går alltid att läsa och jämföra.
        </p>
      </div>
      <Flash code={klart} />
      <div className="flex flex-wrap gap-3">
        <Link href="/rutiner/ny" className="rounded bg-blue-800 px-3 py-2 font-semibold text-white hover:bg-blue-900">
          Ny rutin
        </Link>
        <Link href="/rutiner/importera" className="rounded border border-blue-800 bg-white px-3 py-2 font-semibold text-blue-900 hover:bg-blue-50">
          Importera från JSON
        </Link>
        <Link href="/cykler" className="rounded border border-blue-800 bg-white px-3 py-2 font-semibold text-blue-900 hover:bg-blue-50">
          Årets cykler
        </Link>
      </div>
      <RoutineList routines={routines} createDraftAction={createDraftAction} />
    </div>
  );
}
