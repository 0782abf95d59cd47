import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { PublishForm } from "@/components/routines/publish-form";
import { requirePermission } from "@/lib/auth/session";
import { formatDateIso, formatDateLong } from "@/lib/dates/cycle";

const dueText = (d: Date | null) => (d ? formatDateLong(d) : "inget datum");
import { previewFollow } from "@/lib/routines/publish";
import { getManagedRoutine, getManagedVersion } from "@/lib/routines/versions";
import { publishAction } from "./actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Publicera version" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; version: string }> };

export default async function PublishPage({ params }: Props) {
  const user = await requirePermission("routine:manage");
  const { key, version: number } = await params;
  const version = await getManagedVersion(user, key, Number(number));
  if (!version) notFound();
  if (version.status !== "DRAFT") redirect(`/rutiner/${key}/version/${version.version}`);
  const routine = (await getManagedRoutine(user, key))!;
  const activeRef = routine.versions.find((v) => v.status === "ACTIVE");
  const active = activeRef ? await getManagedVersion(user, key, activeRef.version) : null;
  const previews = await previewFollow(user, version.id);
  const editor = `/rutiner/${key}/version/${version.version}/redigera`;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: editor, label: "Tillbaka till utkastet" }}
        title={`Publicera ${version.title}, version ${version.version}`}
        description={
          <>
          {active
            ? `Version ${version.version} blir gällande och ersätter version ${active.version}, som arkiveras men går att läsa.`
            : `Version ${version.version} blir rutinens första gällande version.`}{" "}
          Ange beslutet som det står i dokumentet.{" "}
          {active && (
            <Link href={`/rutiner/${key}/jamfor?fran=${active.version}&till=${version.version}`} className="text-blue-800 underline">
              Se vad som ändrats sedan version {active.version}
            </Link>
          )}
          </>
        }
      />
      <PublishForm
        action={publishAction}
        versionId={version.id}
        version={version.version}
        routineKey={key}
        previews={previews.map(({ year, plan, lateCreated, moved }) => ({
          year, repoint: plan.repoint.length, create: plan.create, remove: plan.remove.length, untouched: plan.untouched, keep: plan.keep,
          lateCreated: lateCreated.map((t) => ({ title: t.title, unitName: t.unitName, due: dueText(t.dueOn) })),
          moved: moved.map((t) => ({ title: t.title, unitName: t.unitName, due: dueText(t.dueOn), from: t.fromDueOn ? formatDateLong(t.fromDueOn) : undefined, late: t.late })),
        }))}
        seenLate={previews.flatMap((p) => p.lateCreated.map((t) => t.identity)).join(",")}
        defaults={{
          decidedBy: version.decidedBy ?? active?.decidedBy ?? "",
          decidedOn: formatDateIso(clock.today()),
          documentOwner: version.documentOwner ?? active?.documentOwner ?? "",
          validity: version.validUntil ? "till-datum" : "tills-vidare",
          validUntil: version.validUntil ? formatDateIso(version.validUntil) : "",
          replacesText: active ? `Version ${active.version}${active.decidedOn ? `, beslutad ${formatDateIso(active.decidedOn)}` : ""}` : version.replacesText ?? "Nytt",
        }}
      />
    </div>
  );
}
