import type { Metadata } from "next";
import { ImportForm } from "@/components/routines/new-routine-form";
import { requirePermission } from "@/lib/auth/session";
import { importRoutineAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Läs in rutin från fil" };
export const dynamic = "force-dynamic";

export default async function ImportRoutinePage() {
  await requirePermission("routine:manage");
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/rutiner", label: "Hantera rutiner" }}
        title="Läs in rutin från fil"
        description="Välj en fil som Årshjulet har sparat (Exportera JSON) eller en rutin i samma format. Filen blir ett utkast som du kan granska, ändra och publicera. Innehåller filen fel, t.ex. en månad utanför 1–12 eller en fas som inte finns, får du veta var felet sitter och inget sparas."
      />
      <ImportForm action={importRoutineAction} />
    </div>
  );
}
