import { getEnv } from "@/lib/env";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CloseUnitForm, CreateAreaForm, CreateUnitForm, EditUnitForm, RemoveAreaForm, RenameAreaForm, ReopenUnitForm } from "@/components/organisation/organisation-forms";
import { WorkbookForm } from "@/components/organisation/workbook-form";
import { Disclosure } from "@/components/ui/disclosure";
import { ButtonAnchor } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { formatDateIso, formatDateLong } from "@/lib/dates/cycle";
import { getOrganisationTree, type OrganisationTree } from "@/lib/organisation/queries";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Organisation" };
export const dynamic = "force-dynamic";

type Area = OrganisationTree["areas"][number];
type Unit = Area["units"][number];

function UnitRow({ unit, area, areas, canManage, today }: { unit: Unit; area: Area; areas: { id: string; name: string }[]; canManage: boolean; today: string }) {
  return (
    <li className="rounded border border-slate-200 p-3" aria-labelledby={`enhet-${unit.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h4 id={`enhet-${unit.id}`} className="font-semibold">
          {unit.name}
          {!unit.active && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">Stängd{unit.closedOn && ` från ${formatDateLong(unit.closedOn)}`}</span>}
        </h4>
        <p className="text-sm text-slate-700">
          Kolada: {unit.koladaOuId ?? "inget id"}
          {unit.active && (unit.chiefs === 0 ? <span className="ml-3 font-medium text-red-800">Ingen enhetschef</span> : <span className="ml-3">{plural(unit.chiefs, "enhetschef", "enhetschefer")}</span>)}
        </p>
      </div>
      {canManage && (
        <Disclosure summary={<>Ändra<span className="sr-only"> {unit.name}</span></>} className="mt-2" summaryClassName="cursor-pointer py-2 text-blue-800 underline">
          <div className="mt-2 grid gap-6 md:grid-cols-2">
            <EditUnitForm unit={unit} areaId={area.id} areas={areas} />
            {unit.active ? <CloseUnitForm unit={unit} today={today} /> : <ReopenUnitForm unit={unit} />}
          </div>
        </Disclosure>
      )}
    </li>
  );
}

export default async function OrganisationPage() {
  const actor = await requirePermission("organisation:read");
  const tree = await getOrganisationTree(actor);
  if (!tree) redirect("/ingen-behorighet");
  const today = formatDateIso(clock.today());
  const areas = tree.areas.map((a) => ({ id: a.id, name: a.name }));
  const active = tree.areas.reduce((n, a) => n + a.units.filter((u) => u.active).length, 0);
  return (
    <div className="space-y-8">
      <PageHeader
        size="page"
        title="Organisation"
        description={
          <>
            {tree.organisationName}: {plural(tree.areas.length, "område", "områden")} och {plural(active, "aktiv enhet", "aktiva enheter")}. En stängd enhet
            behåller sin historik men får inga nya uppgifter och inga påminnelser.
            {!tree.canManage && " Du kan se organisationen; bara en administratör kan ändra den."}
          </>
        }
      />
      {tree.canManage && (
        <div className="grid gap-6 lg:grid-cols-3">
          <Section id="nytt-omrade" title="Nytt område" card gap="3">
            <CreateAreaForm />
          </Section>
          <div className="lg:col-span-2">
            <Section id="ny-enhet" title="Ny enhet" card gap="3">
              {areas.length === 0 ? <p>Skapa ett område först.</p> : <CreateUnitForm areas={areas} />}
              <p className="text-sm text-slate-700">En enhet som skapas under en pågående cykel får cykelns uppgifter från den här månaden och framåt.</p>
            </Section>
          </div>
        </div>
      )}
      <Section id="arbetsbok" title="Hela organisationen i en arbetsbok" card gap="3">
        <p>
          Bladen Områden, Enheter och Användare i en Excel-arbetsbok (eller ett blad i taget som CSV). Ladda ner mallen eller
          dagens organisation, fyll i och importera. Du ser först vad som skapas, ändras och stängs; sedan sparas allt eller
          inget. En enhet som inte står i filen lämnas som den är. Importen tar aldrig bort användare eller roller.
        </p>
        <p className="text-sm text-slate-700">
          Nya användare får inget lösenord: de loggar in med {getEnv().OIDC_DISPLAY_NAME} eller väljer ”Glömt lösenord?” på inloggningssidan.
        </p>
        <div className="no-print flex flex-wrap gap-2" role="group" aria-label="Ladda ner">
          <ButtonAnchor href="/admin/organisation/arbetsbok?mall=1" download variant="secondary">Mall (Excel)</ButtonAnchor>
          <ButtonAnchor href="/admin/organisation/arbetsbok" download variant="secondary">Dagens organisation (Excel)</ButtonAnchor>
          {(["omraden", "enheter", "anvandare"] as const).map((blad) => (
            <ButtonAnchor key={blad} href={`/admin/organisation/arbetsbok?format=csv&blad=${blad}`} download variant="secondary">
              {{ omraden: "Områden", enheter: "Enheter", anvandare: "Användare" }[blad]} (CSV)
            </ButtonAnchor>
          ))}
        </div>
        {tree.canManage && <WorkbookForm />}
      </Section>
      {tree.areas.length === 0 && <Notice>Verksamheten har inga områden ännu.</Notice>}
      {tree.areas.map((area) => (
        <Section key={area.id} id={`omrade-${area.id}`} title={area.name} card gap="3">
          <p className="text-sm text-slate-700">{plural(area.units.filter((u) => u.active).length, "aktiv enhet", "aktiva enheter")}{area.units.some((u) => !u.active) && `, ${plural(area.units.filter((u) => !u.active).length, "stängd", "stängda")}`}.</p>
          {tree.canManage && (
            <Disclosure summary={<>Byt namn på området{area.units.length === 0 && " eller ta bort det"}<span className="sr-only"> {area.name}</span></>} summaryClassName="cursor-pointer py-2 text-blue-800 underline">
              <div className="mt-2 grid gap-6 md:grid-cols-2">
                <RenameAreaForm area={area} />
                {area.units.length === 0 && <RemoveAreaForm area={area} />}
              </div>
            </Disclosure>
          )}
          {area.units.length === 0 ? (
            <p>Området har inga enheter.</p>
          ) : (
            <ul className="space-y-2">
              {area.units.map((unit) => <UnitRow key={unit.id} unit={unit} area={area} areas={areas} canManage={tree.canManage} today={today} />)}
            </ul>
          )}
        </Section>
      ))}
    </div>
  );
}
