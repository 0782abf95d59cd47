import type { Metadata } from "next";
import { ReminderRulesForm } from "@/components/reminders/reminder-rules-form";
import { requirePermission } from "@/lib/auth/session";
import { formatMonthSpan } from "@/lib/dates/cycle";
import { getReminderRules } from "@/lib/reminders/queries";
import { describeOffsets, formatOffsets, MAX_OFFSET_DAYS, MAX_REMINDERS } from "@/lib/reminders/rules";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { saveReminderRulesAction } from "./actions";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Påminnelser" };
export const dynamic = "force-dynamic";

export default async function ReminderRulesPage() {
  const user = await requirePermission("routine:manage");
  const versions = await getReminderRules(user);
  return (
    <div className="space-y-6">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-bold">Påminnelser</h1>
        <p className="mt-2 text-slate-700">
          När Årshjulet skickar e-post om en uppgift, räknat i dagar från uppgiftens förfallodag: minus före, 0 på dagen och plus
          efter (bara så länge uppgiften inte är klar). Standard är -14, 0, 7.
        </p>
        <p id="paminnelser-hint" className="mt-2 text-slate-700">
          Skriv heltal mellan -{MAX_OFFSET_DAYS} och {MAX_OFFSET_DAYS} med kommatecken emellan, högst {MAX_REMINDERS} stycken. Lämna tomt
          för inga påminnelser. Ändra så många rader du vill och spara dem med en knapp; bara de ändrade raderna sparas, och
          ändringen gäller direkt för den gällande versionen av rutinen.
        </p>
      </div>
      {versions.length === 0 && <Notice>Det finns ingen gällande rutin ännu.</Notice>}
      {versions.map((version) => (
        <section key={version.id} aria-labelledby={`rutin-${version.id}`} className="space-y-2">
          <h2 id={`rutin-${version.id}`} className="text-xl font-semibold">
            {version.title} <span className="text-base font-normal text-slate-700">(version {version.version})</span>
          </h2>
          <ReminderRulesForm
            action={saveReminderRulesAction}
            title={version.title}
            rows={version.activities.map((a) => ({
              id: a.id,
              title: a.title,
              about: `${a.responsibleRole ? ROLE_LABELS[a.responsibleRole] : "Ingen ansvarig roll"}, ${formatMonthSpan(a) ?? "ingen månad angiven"}`,
              days: formatOffsets(a.reminderOffsets),
              described: describeOffsets(a.reminderOffsets),
            }))}
          />
        </section>
      ))}
    </div>
  );
}
