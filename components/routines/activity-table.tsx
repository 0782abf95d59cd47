import type { ReactNode } from "react";
import { Section } from "@/components/ui/section";
import { Cell, DataTable, Row } from "@/components/ui/table";
import type { ActivityScope, Role } from "@/lib/db/generated/enums";
import { roleLabel, SCOPE_LABELS } from "@/lib/routines/labels";

export type ActivityRow = {
  id: string;
  when: string;
  title: string;
  /** The name on the wheel (kortnamn), when the routine gives one. */
  shortName?: string | null;
  /** The kind's label, e.g. "Brukarbrev 2". */
  kind: string;
  description: string | null;
  templateRef: string | null;
  responsibleRole: Role | null;
  scope: ActivityScope;
  /** Further lines under the title (the note, the key). */
  more?: ReactNode;
};

/** One phase of a routine version as a card: its name and its activities in a table, read-only. */
export function PhaseActivities({
  phase,
  activities,
  whenLabel,
  caption,
  level,
  empty,
}: {
  phase: { id: string; position: number; name: string };
  activities: ActivityRow[];
  whenLabel: string;
  caption: string;
  level: 2 | 3;
  /** Shown instead of the table when the phase has no activities; without it an empty table is shown. */
  empty?: string;
}) {
  return (
    <Section id={`fas-${phase.id}`} title={`${phase.position + 1}. ${phase.name}`} level={level} card>
      {empty && activities.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <>
        {/* On a phone the table would scroll sideways with Ansvarig and Gäller out of sight: one card per activity instead. */}
        <ol className="mt-3 space-y-3 sm:hidden" aria-label={`Aktiviteter i fasen ${phase.name}`}>
          {activities.map((a) => (
            <li key={a.id} className="rounded border border-slate-200 p-3 text-sm">
              <p>
                <span className="font-medium">{a.title}</span>
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{a.kind}</span>
              </p>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3">
                <dt className="font-semibold">{whenLabel}</dt>
                <dd>{a.when}</dd>
                <dt className="font-semibold">Ansvarig</dt>
                <dd>{roleLabel(a.responsibleRole)}</dd>
                <dt className="font-semibold">Gäller</dt>
                <dd>{SCOPE_LABELS[a.scope]}</dd>
              </dl>
              {a.shortName && a.shortName !== a.title && <p className="mt-1 text-slate-700">Kortnamn: {a.shortName}</p>}
              {a.description && <p className="mt-1 text-slate-700">{a.description}</p>}
              {a.templateRef && <p className="mt-1 text-slate-700">Mall: {a.templateRef}</p>}
              {a.more}
            </li>
          ))}
        </ol>
        <div className="hidden sm:block">
        <DataTable label={`Aktiviteter i fasen ${phase.name}`} caption={caption} minWidth="40rem" className="mt-3" columns={[whenLabel, "Aktivitet", "Ansvarig", "Gäller"]}>
          {activities.map((a) => (
            <Row key={a.id} top>
              <Cell nowrap>{a.when}</Cell>
              <Cell>
                <span className="font-medium">{a.title}</span>
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{a.kind}</span>
                {a.shortName && a.shortName !== a.title && <p className="mt-1 text-slate-700">Kortnamn: {a.shortName}</p>}
                {a.description && <p className="mt-1 text-slate-700">{a.description}</p>}
                {a.templateRef && <p className="mt-1 text-slate-700">Mall: {a.templateRef}</p>}
                {a.more}
              </Cell>
              <Cell>{roleLabel(a.responsibleRole)}</Cell>
              <Cell>{SCOPE_LABELS[a.scope]}</Cell>
            </Row>
          ))}
        </DataTable>
        </div>
        </>
      )}
    </Section>
  );
}
