import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { notFound, redirect } from "next/navigation";
import { DraftActivities } from "@/components/routines/draft-activities";
import { Flash } from "@/components/routines/flash";
import { MetadataForm } from "@/components/routines/metadata-form";
import { PhaseEditor } from "@/components/routines/phase-editor";
import { DeleteDraftButton } from "@/components/routines/routine-buttons";
import { ColourSwatch, StatusBadge } from "@/components/routines/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { getManagedVersion } from "@/lib/routines/versions";
import { deleteDraftAction, updateStartMonthAction } from "../../../../actions";
import { StartMonthForm } from "@/components/routines/start-month-field";
import { routineHasTasks, START_MONTH_LOCKED } from "@/lib/routines/mutations";
import * as clock from "@/lib/clock";
import { activityRowAction, phaseAction, updateMetadataAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Redigera utkast" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string; version: string }>; searchParams: Promise<{ status?: string }> };

export default async function DraftEditorPage({ params, searchParams }: Props) {
  const user = await requirePermission("routine:manage");
  const [{ key, version: number }, { status }] = await Promise.all([params, searchParams]);
  const version = await getManagedVersion(user, key, Number(number));
  if (!version) notFound();
  const base = `/rutiner/${key}/version/${version.version}`;
  // Only drafts are edited; a published version is shown read-only.
  if (version.status !== "DRAFT") redirect(base);
  const locked = (await routineHasTasks(version.routineId)) ? START_MONTH_LOCKED : null;
  const phases = version.phases.map((p) => ({ id: p.id, key: p.key, name: p.name, activityCount: version.activities.filter((a) => a.phaseId === p.id).length }));
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/rutiner/${key}`, label: `${version.routine.title}: alla versioner` }}
        inline="wrap"
        title={
          <>
            <ColourSwatch colour={version.routine.colour} />
            Redigera {version.title}, version {version.version} <StatusBadge status="DRAFT" />
          </>
        }
        description="Ändringarna i utkastet gäller först när det publiceras. Aktiviteternas nycklar behålls mellan versionerna, så att årets uppgifter kan följa med till den nya versionen."
      />
      <Flash code={status} />
      <div className="flex flex-wrap items-start gap-3">
        <ButtonLink href={`${base}/aktivitet/ny`}>
          Lägg till aktivitet
        </ButtonLink>
        <ButtonLink href={`${base}/publicera`} variant="secondary">
          Publicera …
        </ButtonLink>
        {version.replacesVersion && (
          <ButtonLink href={`/rutiner/${key}/jamfor?fran=${version.replacesVersion.version}&till=${version.version}`} variant="secondary">
            Jämför med version {version.replacesVersion.version}
          </ButtonLink>
        )}
        <DeleteDraftButton action={deleteDraftAction} versionId={version.id} routineKey={key} version={version.version} />
      </div>

      <Section id="uppgifter" title="Uppgifter om versionen" card>
        <p className="mt-1 text-sm text-slate-700">Beslutet (beslutad av, datum, dokumentansvarig och giltighet) anges när utkastet publiceras.</p>
        <div className="mt-3 max-w-3xl">
          <MetadataForm action={updateMetadataAction} versionId={version.id} routineKey={key} title={version.title} purpose={version.purpose} />
        </div>
      </Section>

      <Section id="startmanad" title="Rutinens år" card>
        <div className="mt-3">
          <StartMonthForm action={updateStartMonthAction} versionId={version.id} startMonth={version.routine.startMonth} exampleYear={clock.today().getUTCFullYear() + 1} locked={locked} />
        </div>
      </Section>

      <Section id="faser" title="Faser" card>
        <div className="mt-3 max-w-3xl">
          <PhaseEditor action={phaseAction} versionId={version.id} routineKey={key} phases={phases} />
        </div>
      </Section>

      <Section id="aktiviteter" title="Aktiviteter" card>
        <div className="mt-3">
          {phases.length === 0 ? (
            <p>Lägg till en fas först; varje aktivitet hör till en fas.</p>
          ) : (
            <DraftActivities
              action={activityRowAction}
              versionId={version.id}
              routineKey={key}
              base={base}
              phases={phases}
              activities={version.activities.map((a) => ({
                id: a.id, phaseId: a.phaseId, key: a.key, title: a.title, timing: a.timing, startMonth: a.startMonth, endMonth: a.endMonth,
                responsibleRole: a.responsibleRole, scope: a.scope, kind: a.kind, letterNumber: a.letterNumber,
              }))}
            />
          )}
        </div>
      </Section>
    </div>
  );
}
