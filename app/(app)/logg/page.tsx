import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { DownloadLinks } from "@/components/ui/download-links";
import { Link } from "@/components/ui/link";
import { AuditTable } from "@/components/audit/audit-table";
import { auditFilterSchema, listAuditEntries } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Händelselogg" };
export const dynamic = "force-dynamic";

const field = "mt-1 w-full rounded border border-slate-500 px-2 py-1";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("audit:read");
  const params = await searchParams;
  const parsed = auditFilterSchema.safeParse(params);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const log = (await listAuditEntries(actor, filter))!;
  const query = (values: Record<string, string | undefined>) => new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
  const pageLink = (sida: number) => `/logg?${query({ ...params, sida: String(sida) })}`;
  // The workbook holds every page of the filter the page shows.
  const excelLink = `/logg/excel?${query({ enhet: filter.enhet, anvandare: filter.anvandare, fran: filter.fran, till: filter.till })}`;
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold">Händelselogg</h1>
      <p className="max-w-3xl text-slate-700">Varje ändring i Årshjulet: vem, när, vad och hur det såg ut före och efter.</p>
      {!parsed.success && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">{parsed.error.issues[0]?.message} Filtret visar allt.</p>}
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
        <label className="block text-sm">Enhet
          <select name="enhet" defaultValue={filter.enhet ?? ""} className={field}>
            <option value="">Alla</option>
            {log.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label className="block text-sm">Användare
          <select name="anvandare" defaultValue={filter.anvandare ?? ""} className={field}>
            <option value="">Alla</option>
            {log.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label className="block text-sm">Från (ÅÅÅÅ-MM-DD)<input type="date" name="fran" defaultValue={filter.fran ?? ""} className={field} /></label>
        <label className="block text-sm">Till (ÅÅÅÅ-MM-DD)<input type="date" name="till" defaultValue={filter.till ?? ""} className={field} /></label>
        <div className="flex items-end"><Button type="submit" size="lg">Filtrera</Button></div>
      </form>
      <p role="status">{log.total} {log.total === 1 ? "händelse" : "händelser"}{log.pages > 1 ? `, sida ${filter.sida} av ${log.pages}` : ""}.</p>
      {log.total > 0 && <DownloadLinks excel={excelLink} />}
      <AuditTable entries={log.entries} />
      {log.pages > 1 && (
        <nav aria-label="Sidor" className="flex gap-4">
          {filter.sida > 1 && <Link href={pageLink(filter.sida - 1)} className="text-blue-800 underline">Föregående sida</Link>}
          {filter.sida < log.pages && <Link href={pageLink(filter.sida + 1)} className="text-blue-800 underline">Nästa sida</Link>}
        </nav>
      )}
    </div>
  );
}
