import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/routines/compare-view";
import { requirePermission } from "@/lib/auth/session";
import { diffRoutineDocuments } from "@/lib/routines/diff";
import { toRoutineDocument } from "@/lib/routines/export";
import { ROUTINE_STATUS_LABELS } from "@/lib/routines/labels";
import { getManagedRoutine, getManagedVersion } from "@/lib/routines/versions";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Jämför versioner" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ fran?: string; till?: string }> };

export default async function ComparePage({ params, searchParams }: Props) {
  const user = await requirePermission("routine:manage");
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const routine = await getManagedRoutine(user, key);
  if (!routine) notFound();
  const numbers = routine.versions.map((v) => v.version);
  const to = numbers.includes(Number(query.till)) ? Number(query.till) : numbers[0]!;
  const toRef = routine.versions.find((v) => v.version === to)!;
  const fallbackFrom = routine.versions.find((v) => v.id === toRef.replacesVersionId)?.version ?? numbers.find((n) => n < to) ?? to;
  const from = numbers.includes(Number(query.fran)) ? Number(query.fran) : fallbackFrom;
  const [a, b] = await Promise.all([getManagedVersion(user, key, from), getManagedVersion(user, key, to)]);
  const diff = a && b && from !== to ? diffRoutineDocuments(toRoutineDocument(a), toRoutineDocument(b)) : null;
  const option = (v: (typeof routine.versions)[number]) => (
    <option key={v.id} value={v.version}>
      Version {v.version} ({ROUTINE_STATUS_LABELS[v.status].toLowerCase()})
    </option>
  );
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/rutiner/${key}`, label: `${routine.title}: alla versioner` }} title={`Jämför versioner av ${routine.title}`} />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="fran" className="block font-medium">Från</label>
          <select id="fran" name="fran" defaultValue={from} className="mt-1 rounded border border-slate-500 bg-white px-3 py-2">
            {routine.versions.map(option)}
          </select>
        </div>
        <div>
          <label htmlFor="till" className="block font-medium">Till</label>
          <select id="till" name="till" defaultValue={to} className="mt-1 rounded border border-slate-500 bg-white px-3 py-2">
            {routine.versions.map(option)}
          </select>
        </div>
        <Button type="submit">
          Jämför
        </Button>
      </form>
      {diff ? (
        <>
          <p>
            Skillnader från <Link href={`/rutiner/${key}/version/${from}`} className="text-blue-800 underline">version {from}</Link> till{" "}
            <Link href={`/rutiner/${key}/version/${to}`} className="text-blue-800 underline">version {to}</Link>. Aktiviteterna matchas på sin nyckel.
          </p>
          <CompareView diff={diff} from={from} to={to} />
        </>
      ) : (
        <Notice>Välj två olika versioner att jämföra.</Notice>
      )}
    </div>
  );
}
