import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateShareLinkForm, RevokeShareLinkForm } from "@/components/share/share-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { FlashMessage } from "@/components/ui/status-message";
import { FLASH_PARAM, flashText, type FlashTexts } from "@/lib/flash";
import { requirePermission } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { formatDateIso, formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { getShareOptions, listShareLinks, type ShareLinkRow } from "@/lib/share/links";
import { createShareLinkAction, revokeShareLinkAction } from "./actions";

export const metadata: Metadata = { title: "Dela årshjulet" };
export const dynamic = "force-dynamic";

const SHARE_TEXTS: FlashTexts = { avslutad: { text: "Länken ”{namn}” är avslutad. Adressen fungerar inte längre." } };

/** The day in Stockholm of a moment (createdAt, revokedAt), not its UTC date. */
const day = (d: Date) => formatDateLong(stockholmDate(d));

function state(link: ShareLinkRow, today: Date): string | null {
  if (link.revokedAt) return `avslutad ${day(link.revokedAt)}`;
  if (link.endsOn && link.endsOn.getTime() < today.getTime()) return `slutade gälla ${formatDateLong(link.endsOn)}`;
  return null;
}

/**
 * Read-only share links of the årshjul (issue 33): for the ledningsgrupp's slides and the kommun's intranet. The
 * verksamhetschef and utvecklare share the verksamhet or a unit, an enhetschef their own unit.
 */
export default async function ShareWheelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("share:manage");
  const today = clock.today();
  const [options, links] = await Promise.all([getShareOptions(user), listShareLinks(user)]);
  if (!options) redirect("/ingen-behorighet");
  const scopes = [...(options.verksamhet ? [{ value: "verksamhet", label: "Hela verksamheten" }] : []), ...options.units.map((u) => ({ value: `enhet:${u.id}`, label: u.name }))];
  const active = links.filter((l) => state(l, today) === null);
  const ended = links.filter((l) => state(l, today) !== null);
  const layerName = new Map(options.layers.map((l) => [l.key, l.label]));
  const params = await searchParams;
  // A known code only, and the name of a link this user may see (looked up here, never taken from the address).
  const about = links.find((l) => l.id === params.om)?.name;
  const flash = about ? flashText(SHARE_TEXTS, params[FLASH_PARAM], about) : null;

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        size="page"
        title="Dela årshjulet"
        back={{ href: "/arshjul", label: "Årshjul" }}
        description={
          <>
            En skrivskyddad länk till årshjulet, för ledningsgruppens bildspel eller kommunens intranät. Den som har länken ser hjulet, aktiviteternas
            namn och hur arbetet ligger till, utan att logga in, men inga kommentarer, inga namn på personer och inga ärenden. Avsluta länken om den
            har kommit i fel händer.
          </>
        }
      />
      <Section id="ny-lank" title="Ny länk" card gap="3">
        <CreateShareLinkForm action={createShareLinkAction} scopes={scopes} layers={options.layers.map((l) => ({ value: l.key, label: l.label }))} today={formatDateIso(today)} />
      </Section>
      <Section id="lankar" title="Delade länkar" gap="3">
        <FlashMessage message={flash?.text} keepRegion />
        {active.length === 0 ? (
          <p>Det finns inga aktiva länkar.</p>
        ) : (
          <ul className="space-y-3">
            {active.map((l) => (
              <li key={l.id} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-share-link={l.name}>
                <div>
                  <p className="font-semibold">{l.name}</p>
                  <p className="text-sm text-slate-700">
                    {l.scope}. Lager: {l.layers.map((k) => layerName.get(k) ?? k).join(", ")}.
                  </p>
                  <p className="text-sm text-slate-700">
                    Skapad {day(l.createdAt)}
                    {l.own ? " av dig" : ""}. {l.endsOn ? `Gäller till och med ${formatDateLong(l.endsOn)}.` : "Gäller tills den avslutas."}
                  </p>
                </div>
                <RevokeShareLinkForm action={revokeShareLinkAction} linkId={l.id} label={l.name} />
              </li>
            ))}
          </ul>
        )}
        {ended.length > 0 && (
          <details className="rounded border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer font-medium">Avslutade länkar ({ended.length})</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {ended.map((l) => (
                <li key={l.id}>
                  {l.name} ({l.scope}), {state(l, today)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>
    </div>
  );
}
