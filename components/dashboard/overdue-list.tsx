import { ScrollArea } from "@/components/ui/scroll-area";
import { formatDateLong } from "@/lib/dates/cycle";
import type { Dashboard } from "@/lib/dashboard/queries";
import { OverdueRows } from "./overdue-rows";
import { roleLabel } from "@/lib/routines/labels";

const cell = "px-3 py-2 align-top";

/** The cycle's oldest overdue tasks (OVERDUE_LIST_LIMIT), with unit, responsible role and days overdue. */
export function OverdueList({ data }: { data: Dashboard }) {
  if (data.overdue.length === 0) return <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900">Inga uppgifter är försenade.</p>;
  return (
    <div className="space-y-2">
      {data.overdueCount > data.overdue.length && (
        <p className="text-sm text-slate-700">
          Visar de {data.overdue.length} äldsta av {data.overdueCount} försenade uppgifter. Alla finns i Excel-filen ovan (bladet Försenade), och varje enhets
          försenade i dess checklista.
        </p>
      )}
      <ScrollArea label="Försenade uppgifter" className="max-h-[32rem] overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Försenade uppgifter, äldst först</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th scope="col" className={cell}>Uppgift</th>
              <th scope="col" className={cell}>Enhet</th>
              <th scope="col" className={cell}>Ansvarig</th>
              <th scope="col" className={cell}>Skulle vara klar</th>
              <th scope="col" className={`${cell} text-right`}>Dagar försenad</th>
            </tr>
          </thead>
          <tbody>
            <OverdueRows
              year={data.year!}
              rows={data.overdue.map((t) => ({
                id: t.id,
                title: t.title,
                enhet: t.enhet,
                unitName: t.unitName,
                role: roleLabel(t.responsibleRole),
                due: formatDateLong(t.dueOn),
                days: t.daysOverdue,
              }))}
            />
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
