import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Flash } from "@/components/routines/flash";
import { ColourForm } from "@/components/routines/new-routine-form";
import { EditRoutineButton } from "@/components/routines/routine-buttons";
import { ColourSwatch, StatusBadge } from "@/components/routines/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong } from "@/lib/dates/cycle";
import { getManagedRoutine } from "@/lib/routines/versions";
import { createDraftAction, updateColourAction } from "../actions";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Rutinens versioner" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ status?: string }> };

export default async function RoutinePage({ params, searchParams }: Props) {
  const user = await requirePermission("routine:manage");
  const [{ key }, { status }] = await Promise.all([params, searchParams]);
  const routine = await getManagedRoutine(user, key);
  if (!routine) notFound();
  const draft = routine.versions.find((v) => v.status === "DRAFT");
  const hasPublished = routine.versions.some((v) => v.status !== "DRAFT");
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/rutiner", label: "Hantera rutiner" }}
        inline="nowrap"
        title={
          <>
            <ColourSwatch colour={routine.colour} /> {routine.title}
          </>
        }
        meta={
          <>
            Nyckel <code>{routine.key}</code>
          </>
        }
      />
      <Flash code={status} />
      <div className="flex flex-wrap items-start gap-3">
        {draft ? (
          <ButtonLink href={`/rutiner/${routine.key}/version/${draft.version}/redigera`}>
            Fortsätt redigera utkastet (version {draft.version})
          </ButtonLink>
        ) : (
          hasPublished && <EditRoutineButton action={createDraftAction} routineId={routine.id} />
        )}
        {routine.versions.length > 1 && (
          <ButtonLink href={`/rutiner/${routine.key}/jamfor`} variant="secondary">
            Jämför versioner
          </ButtonLink>
        )}
      </div>

      <Section id="versioner" title="Versioner" card>
        <DataTable label="Versioner" className="mt-3" minWidth="36rem" columns={["Version", "Status", "Beslutad", "Giltighet", "Aktiviteter", "Fil"]}>
          {routine.versions.map((v) => (
            <Row key={v.id}>
              <Cell>
                <Link href={`/rutiner/${routine.key}/version/${v.version}`} className="text-blue-800 underline">
                  Version {v.version}
                </Link>
              </Cell>
              <Cell>
                <StatusBadge status={v.status} />
              </Cell>
              <Cell>{v.decidedOn ? `${formatDateLong(v.decidedOn)}${v.decidedBy ? `, ${v.decidedBy}` : ""}` : "–"}</Cell>
              <Cell>{v.status === "DRAFT" ? "–" : v.validUntil ? `t.o.m. ${formatDateLong(v.validUntil)}` : "tills vidare"}</Cell>
              <Cell>{v._count.activities}</Cell>
              <Cell>
                <a href={`/rutiner/${routine.key}/version/${v.version}/export`} className="text-blue-800 underline" download>
                  Exportera JSON<span className="sr-only"> (version {v.version})</span>
                </a>
              </Cell>
            </Row>
          ))}
        </DataTable>
      </Section>

      <Section id="farg" title="Lager i årshjulet" card>
        <p className="mt-1 text-sm text-slate-700">Färgen gäller rutinens alla versioner.</p>
        <div className="mt-3">
          <ColourForm action={updateColourAction} routineId={routine.id} colour={routine.colour} />
        </div>
      </Section>
    </div>
  );
}
