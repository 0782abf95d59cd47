import { ScrollArea } from "@/components/ui/scroll-area";
import { formatDateLong } from "@/lib/dates/cycle";
import type { Dashboard } from "@/lib/dashboard/queries";
import { OverdueRows, type OverdueRowData } from "./overdue-rows";
import { textTable } from "./text-table";
import { roleLabel } from "@/lib/routines/labels";

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
        <table className="overview-table overdue-table min-w-[40rem]">
          <caption className="sr-only">Försenade uppgifter, äldst först</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th scope="col">Uppgift</th>
              <th scope="col">Enhet</th>
              <th scope="col">Ansvarig</th>
              <th scope="col">Skulle vara klar</th>
              <th scope="col">Dagar försenad</th>
            </tr>
          </thead>
          <tbody>
            <OverdueRows year={data.year!} {...compactOverdue(data)} />
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}

/** The rows as the client list takes them (OverdueRowData), their texts once each. */
function compactOverdue(data: Dashboard): { rows: OverdueRowData[]; texts: string[] } {
  const { texts, index } = textTable();
  const rows = data.overdue.map((t): OverdueRowData => [t.id, index(t.title), t.enhet, index(t.unitName), index(roleLabel(t.responsibleRole)), index(formatDateLong(t.dueOn)), t.daysOverdue]);
  return { rows, texts };
}
