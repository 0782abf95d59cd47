import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActivityForm } from "@/components/routines/activity-form";
import { requirePermission } from "@/lib/auth/session";
import { getManagedVersion } from "@/lib/routines/versions";
import { saveActivityAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Ändra aktivitet" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; version: string; activityId: string }> };

export default async function EditActivityPage({ params }: Props) {
  const user = await requirePermission("routine:manage");
  const { key, version: number, activityId } = await params;
  const version = await getManagedVersion(user, key, Number(number));
  const activity = version?.activities.find((a) => a.id === activityId);
  if (!version || !activity) notFound();
  if (version.status !== "DRAFT") redirect(`/rutiner/${key}/version/${version.version}`);
  const editor = `/rutiner/${key}/version/${version.version}/redigera`;
  const phaseKey = version.phases.find((p) => p.id === activity.phaseId)!.key;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: editor, label: "Tillbaka till utkastet" }} title={`Ändra ${activity.title}`} />
      <ActivityForm
        action={saveActivityAction}
        versionId={version.id}
        routineKey={key}
        cancelHref={`${editor}#aktivitet-${activity.id}`}
        phases={version.phases.map((p) => ({ key: p.key, name: p.name }))}
        versionNumber={version.version}
        activity={{
          id: activity.id, key: activity.key, phaseKey, title: activity.title, shortName: activity.shortName, description: activity.description, responsibleRole: activity.responsibleRole,
          timing: activity.timing, startMonth: activity.startMonth, endMonth: activity.endMonth, scope: activity.scope, kind: activity.kind,
          letterNumber: activity.letterNumber, templateRef: activity.templateRef, note: activity.note,
        }}
      />
    </div>
  );
}
