import type { Metadata } from "next";
import { CreateFeedForm, RevokeFeedForm } from "@/components/calendar/feed-forms";
import { requirePermission } from "@/lib/auth/session";
import { FEED_EVENTS_TEXT, getFeedOptions, listCalendarFeeds } from "@/lib/calendar/feeds";
import { formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { createFeedAction, revokeFeedAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Kalender i Outlook" };
export const dynamic = "force-dynamic";

/** The day in Stockholm of a moment (createdAt, revokedAt), not its UTC date. */
const day = (d: Date) => formatDateLong(stockholmDate(d));

export default async function CalendarPage() {
  const user = await requirePermission("task:read");
  const [options, feeds] = await Promise.all([getFeedOptions(user), listCalendarFeeds(user)]);
  const active = feeds.filter((f) => !f.revokedAt);
  const ended = feeds.filter((f) => f.revokedAt);

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        size="page"
        title="Kalender i Outlook"
        description={
          <>
          Prenumerera på uppgifterna i årshjulet i Outlook eller en annan kalender. {FEED_EVENTS_TEXT} Adressen innehåller en
          hemlig nyckel: den som har adressen kan läsa kalendern, så dela den inte. Avsluta kalendern om adressen har kommit i fel händer.
          </>
        }
      />
      <Section id="ny-kalender" title="Ny kalender" card gap="3">
        <CreateFeedForm
          action={createFeedAction}
          units={options.units.map((u) => ({ value: `enhet:${u.id}`, label: u.name }))}
          roles={options.roles.map((r) => ({ value: `roll:${r}`, label: ROLE_LABELS[r] }))}
        />
      </Section>
      <Section id="mina-kalendrar" title="Mina kalendrar" gap="3">
        {active.length === 0 ? (
          <p>Du har inga aktiva kalendrar.</p>
        ) : (
          <ul className="space-y-3">
            {active.map((f) => (
              <li key={f.id} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div>
                  <p className="font-semibold">{f.label}</p>
                  <p className="text-sm text-slate-700">Skapad {day(f.createdAt)}</p>
                </div>
                <RevokeFeedForm action={revokeFeedAction} feedId={f.id} label={f.label} />
              </li>
            ))}
          </ul>
        )}
        {ended.length > 0 && (
          <details className="rounded border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer font-medium">Avslutade kalendrar ({ended.length})</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {ended.map((f) => (
                <li key={f.id}>
                  {f.label}, avslutad {day(f.revokedAt!)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>
    </div>
  );
}
