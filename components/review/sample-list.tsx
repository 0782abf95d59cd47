import { Link } from "@/components/ui/link";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { ReviewCaseState } from "@/lib/db/generated/enums";
import { interviewStatus } from "./labels";

export type ListedCase = {
  id: string;
  caseRef: string;
  areaId: string;
  state: ReviewCaseState;
  drawRank: number | null;
  declinedReason: string | null;
  replacesCaseId: string | null;
  interview: { deviation: boolean } | null;
};

/** One area's sample: the drawn cases in draw order, declined ones with their reason and who replaced them. */
export function AreaSample({ year, areaName, cases, reserves }: { year: number; areaName: string; cases: ListedCase[]; reserves: number }) {
  const refOf = new Map(cases.map((c) => [c.id, c.caseRef]));
  const headingId = `omrade-${cases[0]?.areaId ?? areaName}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-lg font-semibold">
        {areaName}
      </h3>
      {cases.length === 0 ? (
        <p className="text-slate-700">Inga ärenden i urvalet.</p>
      ) : (
        <ScrollArea label={`Urvalet i ${areaName}`}>
          <table className="w-full min-w-[22rem] border-collapse text-left text-sm">
            <caption className="sr-only">Utvalda ärenden i {areaName} i dragningsordning</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-2">Ordning</th>
                <th scope="col" className="py-2 pr-2">Ärende</th>
                <th scope="col" className="py-2 pr-2">Status</th>
                <th scope="col" className="py-2">Intervju</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => {
                const status = interviewStatus(c);
                return (
                  <tr key={c.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-2">{c.drawRank}</td>
                    <th scope="row" className="py-2 pr-2 font-medium">
                      {c.caseRef}
                      {c.replacesCaseId && <span className="block text-xs font-normal text-slate-700">ersätter {refOf.get(c.replacesCaseId) ?? "avböjt ärende"}</span>}
                    </th>
                    <td className="py-2 pr-2">
                      <span className={`whitespace-nowrap rounded px-1.5 py-0.5 ${status.tone}`}>{status.text}</span>
                      {c.declinedReason && <span className="mt-1 block text-slate-700">Skäl: {c.declinedReason}</span>}
                    </td>
                    <td className="py-2">
                      {c.state === "SAMPLED" && (
                        <Link href={`/kvalitetsgranskning/${year}/intervju/${c.id}`} className="text-blue-800 underline" aria-label={`${c.interview ? "Öppna intervjun" : "Registrera intervju"} för ${c.caseRef}`}>
                          {c.interview ? "Öppna" : "Registrera"}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <p className="text-sm text-slate-700">{reserves === 1 ? "1 ärende finns kvar som reserv" : `${reserves} ärenden finns kvar som reserver`} i dragningsordningen.</p>
    </section>
  );
}
