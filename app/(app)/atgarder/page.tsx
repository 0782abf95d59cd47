import type { Metadata } from "next";
import { ActionCard } from "@/components/results/action-card";
import { CreateActionForm } from "@/components/results/action-forms";
import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";
import { YearPicker } from "@/components/ui/year-picker";
import { requirePermission } from "@/lib/auth/session";
import { getActionFormOptions, listImprovementActions } from "@/lib/results/queries";
import { yearParam } from "@/lib/results/schemas";
import { addImprovementNoteAction, createImprovementActionAction, updateImprovementActionAction } from "./actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Förbättringsåtgärder" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImprovementActionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("improvement:manage");
  const params = await searchParams;
  const options = await getActionFormOptions(user);
  const unitId = typeof params.enhet === "string" && options.units.some((u) => u.id === params.enhet) ? params.enhet : undefined;
  const year = yearParam(params.ar);
  const { actions } = await listImprovementActions(user, { unitId, year });
  const currentYear = clock.currentCycleYear();
  const currentCycle = options.cycles.find((c) => c.year === currentYear) ?? options.cycles[0];
  const unitName = unitId ? options.units.find((u) => u.id === unitId)?.name : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Förbättringsåtgärder"
        description={
          <>
          Fokusområden utifrån brukarundersökningen, per enhet eller för hela verksamheten. Varje åtgärd följs upp med nästa års resultat för
          sin indikator, och visas i årshjulets uppföljningsfas.
          </>
        }
      />
      <FilterForm action="/atgarder" frame="flat-bar">
        <Select id="filter-enhet" name="enhet" label="Enhet" defaultValue={unitId ?? ""}>
          <option value="">Alla</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>{u.name}</option>
          ))}
        </Select>
        <YearPicker id="filter-ar" years={options.cycles.map((c) => c.year)} value={year ?? ""} emptyOption={{ value: "", label: "Alla" }} />
      </FilterForm>
      {options.cycles.length > 0 ? (
        <Section id="ny-atgard" title="Ny åtgärd" card gap="3">
          <CreateActionForm action={createImprovementActionAction} options={options} defaultUnitId={unitId} defaultCycleId={currentCycle?.id} />
        </Section>
      ) : (
        <Notice>Starta årets cykel först: en åtgärd hör till ett års cykel.</Notice>
      )}
      <Section
        id="lista"
        gap="3"
        title={
          <>
            {unitName ? `Åtgärder för ${unitName}` : "Alla åtgärder"}
            {year ? ` ${year}` : ""} ({actions.length})
          </>
        }
      >
        {actions.length === 0 ? (
          <p className="rounded border border-slate-300 bg-white p-4">Inga åtgärder ännu.</p>
        ) : (
          <ul className="space-y-3">
            {actions.map((a) => (
              <ActionCard key={a.id} a={a} options={options} update={updateImprovementActionAction} note={addImprovementNoteAction} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
