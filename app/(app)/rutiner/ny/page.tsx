import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NewRoutineForm } from "@/components/routines/new-routine-form";
import { requirePermission } from "@/lib/auth/session";
import { createRoutineAction } from "../actions";

export const metadata: Metadata = { title: "Ny rutin" };
export const dynamic = "force-dynamic";

export default async function NewRoutinePage() {
  await requirePermission("routine:manage");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/rutiner" className="text-blue-800 underline">
          ← Hantera rutiner
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold wrap-anywhere sm:text-3xl">Ny rutin</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Rutinen skapas med ett tomt utkast. Där lägger du till faser och aktiviteter och publicerar när rutinen är beslutad. Varje
          rutin blir ett eget lager i årshjulet, i sin egen färg.
        </p>
      </div>
      <NewRoutineForm action={createRoutineAction} />
    </div>
  );
}
