import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActivityForm } from "@/components/routines/activity-form";
import { requirePermission } from "@/lib/auth/session";
import { getManagedVersion } from "@/lib/routines/versions";
import { saveActivityAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

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
      <PageHeader back={{ href: editor, label: "Tillbaka till utkastet" }} title={`Ny aktivitet i ${version.title}, version ${version.version}`} />
      {version.phases.length === 0 ? (
        <Notice>Utkastet har inga faser ännu. Lägg till en fas i utkastet först.</Notice>
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
