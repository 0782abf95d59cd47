import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { ActivityForm } from "@/components/routines/activity-form";
import { requirePermission } from "@/lib/auth/session";
import { getManagedVersion } from "@/lib/routines/versions";
import { saveActivityAction } from "../actions";

export const metadata: Metadata = { title: "Ny aktivitet" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; version: string }>; searchParams: Promise<{ fas?: string }> };

export default async function NewActivityPage({ params, searchParams }: Props) {
  const user = await requirePermission("routine:manage");
  const [{ key, version: number }, { fas }] = await Promise.all([params, searchParams]);
  const version = await getManagedVersion(user, key, Number(number));
  if (!version) notFound();
  const editor = `/rutiner/${key}/version/${version.version}/redigera`;
  if (version.status !== "DRAFT") redirect(`/rutiner/${key}/version/${version.version}`);
  return (
    <div className="space-y-6">
      <p>
        <Link href={editor} className="text-blue-800 underline">
          ← Tillbaka till utkastet
        </Link>
      </p>
      <h1 className="text-2xl font-bold wrap-anywhere sm:text-3xl">
        Ny aktivitet i {version.title}, version {version.version}
      </h1>
      {version.phases.length === 0 ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4">Utkastet har inga faser ännu. Lägg till en fas i utkastet först.</p>
      ) : (
        <ActivityForm
          action={saveActivityAction}
          versionId={version.id}
          routineKey={key}
          cancelHref={editor}
          phases={version.phases.map((p) => ({ key: p.key, name: p.name }))}
          defaultPhase={version.phases.some((p) => p.key === fas) ? fas : undefined}
          versionNumber={version.version}
        />
      )}
    </div>
  );
}
