import type { Metadata } from "next";
import { ReminderRuleForm } from "@/components/reminders/reminder-rule-form";
import { ScrollArea } from "@/components/ui/scroll-area";
import { requirePermission } from "@/lib/auth/session";
import { formatMonthSpan } from "@/lib/dates/cycle";
import { getReminderRules } from "@/lib/reminders/queries";
import { MAX_OFFSET_DAYS, MAX_REMINDERS } from "@/lib/reminders/rules";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { saveReminderRuleAction } from "./actions";
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
          för inga påminnelser. Ändringen gäller direkt för den gällande versionen av rutinen.
        </p>
      </div>
      {versions.length === 0 && <Notice>Det finns ingen gällande rutin ännu.</Notice>}
      {versions.map((version) => (
        <section key={version.id} aria-labelledby={`rutin-${version.id}`} className="space-y-2">
          <h2 id={`rutin-${version.id}`} className="text-xl font-semibold">
            {version.title} <span className="text-base font-normal text-slate-700">(version {version.version})</span>
          </h2>
          <ScrollArea label={`Påminnelser för ${version.title}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="w-full min-w-[20rem] text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">Aktivitet</th>
                  <th scope="col" className="px-3 py-2">Påminnelser (dagar)</th>
                </tr>
              </thead>
              <tbody>
                {version.activities.map((a) => (
                  <tr key={a.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <span className="font-medium">{a.title}</span>
                      <span className="block text-slate-700">
                        {a.responsibleRole ? ROLE_LABELS[a.responsibleRole] : "Ingen ansvarig roll"}, {formatMonthSpan(a) ?? "ingen månad angiven"}
                      </span>
                    </th>
                    <td className="px-3 py-2">
                      <ReminderRuleForm action={saveReminderRuleAction} activityId={a.id} title={a.title} offsets={a.reminderOffsets} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </section>
      ))}
    </div>
  );
}
