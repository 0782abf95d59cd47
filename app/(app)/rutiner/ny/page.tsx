import type { Metadata } from "next";
import { NewRoutineForm } from "@/components/routines/new-routine-form";
import { requirePermission } from "@/lib/auth/session";
import { createRoutineAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";
import * as clock from "@/lib/clock";

export const metadata: Metadata = { title: "Ny rutin" };
export const dynamic = "force-dynamic";

export default async function NewRoutinePage() {
  await requirePermission("routine:manage");
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/rutiner", label: "Hantera rutiner" }}
        title="Ny rutin"
        description="Rutinen skapas med ett tomt utkast. Där lägger du till faser och aktiviteter och publicerar när rutinen är beslutad. Varje rutin blir ett eget lager i årshjulet, i sin egen färg."
      />
      <NewRoutineForm action={createRoutineAction} exampleYear={clock.today().getUTCFullYear() + 1} />
    </div>
  );
}
