import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Flash } from "@/components/routines/flash";
import { RoutineList } from "@/components/routines/routine-list";
import { requirePermission } from "@/lib/auth/session";
import { getManagedRoutines } from "@/lib/routines/versions";
import { createDraftAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Hantera rutiner" };
export const dynamic = "force-dynamic";

export default async function RoutinesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePermission("routine:manage");
  const [routines, { status }] = await Promise.all([getManagedRoutines(user), searchParams]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Hantera rutiner"
        description={
          <>
          Varje rutin har versioner. Du ändrar i ett utkast; när utkastet publiceras blir det gällande version och den tidigare
          arkiveras. Tidigare versioner går alltid att läsa och jämföra.
          </>
        }
      />
      <Flash code={status} />
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/rutiner/ny">
          Ny rutin
        </ButtonLink>
        <ButtonLink href="/rutiner/importera" variant="secondary">
          Läs in rutin från fil
        </ButtonLink>
        <ButtonLink href="/cykler" variant="secondary">
          Årets cykler
        </ButtonLink>
      </div>
      <RoutineList routines={routines} createDraftAction={createDraftAction} />
    </div>
  );
}
