import { format } from "date-fns";
import { sv } from "date-fns/locale";
import { auditActionLabel } from "@/lib/audit";
import type { listAuditEntries } from "@/lib/audit/queries";
import { ColourSwatch, isColourCode } from "@/components/routines/status-badge";

type Entries = NonNullable<Awaited<ReturnType<typeof listAuditEntries>>>["entries"];

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  // A colour (a routine's layer) is shown as a swatch, not as a code; everything else as stored.
  const colours = typeof value === "object" ? Object.entries(value).filter(([, v]) => isColourCode(v)) : [];
  const rest = colours.length > 0 ? Object.fromEntries(Object.entries(value as object).filter(([, v]) => !isColourCode(v))) : value;
  return (
    <div>
      <span className="font-medium">{label}:</span>
      {colours.map(([key, colour]) => (
        <p key={key} className="flex items-center gap-2 text-xs">
          {key === "colour" ? "Färg" : key}: <ColourSwatch colour={colour as string} spoken />
        </p>
      ))}
      {(colours.length === 0 || Object.keys(rest as object).length > 0) && <pre className="whitespace-pre-wrap break-all text-xs">{JSON.stringify(rest, null, 2)}</pre>}
    </div>
  );
}

export function AuditTable({ entries }: { entries: Entries }) {
  if (entries.length === 0) return <p className="rounded border border-slate-200 bg-white p-4">Inga händelser matchar filtret.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <time dateTime={e.at.toISOString()} className="font-medium">{format(e.at, "d MMM yyyy HH:mm", { locale: sv })}</time>
            <span>{auditActionLabel(e.action)}</span>
            <span>av {e.actor?.name ?? "systemet"}</span>
            {e.unitName && <span>enhet {e.unitName}</span>}
            <span className="text-slate-700">{e.entityType}</span>
          </div>
          {(e.before !== null || e.after !== null) && (
            <details className="mt-1">
              <summary className="cursor-pointer text-blue-800 underline">Före och efter</summary>
              <div className="mt-1 grid gap-2 sm:grid-cols-2">
                <Json label="Före" value={e.before} />
                <Json label="Efter" value={e.after} />
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
