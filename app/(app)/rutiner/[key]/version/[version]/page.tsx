import type { Metadata } from "next";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { notFound } from "next/navigation";
import { Flash } from "@/components/routines/flash";
import { ColourSwatch, StatusBadge } from "@/components/routines/status-badge";
import { PublishRecordView, VersionActivities, VersionMetadata } from "@/components/routines/version-view";
import { requirePermission } from "@/lib/auth/session";
import { getManagedVersion, getPublishRecord } from "@/lib/routines/versions";
import { BackLink } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rutinversion" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; version: string }>; searchParams: Promise<{ status?: string }> };

export default async function VersionPage({ params, searchParams }: Props) {
  const user = await requirePermission("routine:manage");
  const [{ key, version: number }, { status }] = await Promise.all([params, searchParams]);
  const version = await getManagedVersion(user, key, Number(number));
  if (!version) notFound();
  const record = version.status !== "DRAFT" ? await getPublishRecord(user, version.id) : null;
  const base = `/rutiner/${key}/version/${version.version}`;
  return (
    <div className="space-y-6">
      <BackLink href={`/rutiner/${key}`}>{version.routine.title}: alla versioner</BackLink>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" style={{ borderLeft: `6px solid ${version.routine.colour}` }}>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold wrap-anywhere sm:text-3xl">
          <ColourSwatch colour={version.routine.colour} />
          {version.title}, version {version.version} <StatusBadge status={version.status} />
        </h1>
        {version.status === "ARCHIVED" && <p className="mt-2 font-medium">Versionen är arkiverad och gäller inte längre. Den visas som den var.</p>}
        <div className="mt-3">
          <VersionMetadata version={version} />
        </div>
        {record && (
          <div className="mt-3">
            <PublishRecordView record={record} />
          </div>
        )}
      </div>
      <Flash code={status} />
      <div className="flex flex-wrap gap-3">
        {version.status === "DRAFT" && (
          <>
            <ButtonLink href={`${base}/redigera`}>
              Redigera utkastet
            </ButtonLink>
            <ButtonLink href={`${base}/publicera`} variant="secondary">
              Publicera …
            </ButtonLink>
          </>
        )}
        {version.replacesVersion && (
          <ButtonLink href={`/rutiner/${key}/jamfor?fran=${version.replacesVersion.version}&till=${version.version}`} variant="secondary">
            Jämför med version {version.replacesVersion.version}
          </ButtonLink>
        )}
        <ButtonAnchor href={`${base}/export`} download variant="secondary">
          Exportera JSON
        </ButtonAnchor>
      </div>
      <VersionActivities version={version} />
    </div>
  );
}
