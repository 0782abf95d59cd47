import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ImportForm } from "@/components/routines/new-routine-form";
import { requirePermission } from "@/lib/auth/session";
import { importRoutineAction } from "../actions";

export const metadata: Metadata = { title: "Importera rutin" };
export const dynamic = "force-dynamic";

export default async function ImportRoutinePage() {
  await requirePermission("routine:manage");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/rutiner" className="text-blue-800 underline">
          ← Hantera rutiner
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold wrap-anywhere sm:text-3xl">Importera rutin från JSON</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Filen blir ett utkast som du kan granska, ändra och publicera. Innehåller filen fel, t.ex. en månad utanför 1–12 eller
          en fas som inte finns, får du veta var felet sitter och inget sparas.
        </p>
      </div>
      <ImportForm action={importRoutineAction} />
    </div>
  );
}
