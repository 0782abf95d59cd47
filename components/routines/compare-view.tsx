import type { FieldChange, VersionDiff } from "@/lib/routines/diff";
import { ScrollArea } from "@/components/ui/scroll-area";

function ChangeTable({ caption, changes }: { caption: string; changes: FieldChange[] }) {
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="py-1 pr-3">Fält</th>
          <th scope="col" className="py-1 pr-3">Före</th>
          <th scope="col" className="py-1 pr-3">Efter</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-1 pr-3 font-medium">{c.label.charAt(0).toUpperCase() + c.label.slice(1)}</th>
            <td className="py-1 pr-3"><del className="text-red-900">{c.before}</del></td>
            <td className="py-1 pr-3"><ins className="text-green-900 no-underline">{c.after}</ins></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** What changed between two versions: metadata, phases and activities (matched by key), field by field. */
export function CompareView({ diff, from, to }: { diff: VersionDiff; from: number; to: number }) {
  if (diff.identical) return <p className={card}>Version {from} och {to} har samma innehåll.</p>;
  const { activities, phases, metadata } = diff;
  return (
    <div className="space-y-4">
      <p className="font-medium">
        {activities.added.length} tillagda, {activities.removed.length} borttagna och {activities.changed.length} ändrade aktiviteter;{" "}
        {activities.unchanged} oförändrade.
      </p>
      {metadata.length > 0 && (
        <section aria-labelledby="andrade-uppgifter" className={card}>
          <h2 id="andrade-uppgifter" className="text-xl font-semibold">Uppgifter om versionen</h2>
          <ScrollArea label="Ändrade uppgifter om versionen">
            <ChangeTable caption="Ändrade uppgifter om versionen" changes={metadata} />
          </ScrollArea>
        </section>
      )}
      {(phases.added.length > 0 || phases.removed.length > 0 || phases.renamed.length > 0 || phases.reordered) && (
        <section aria-labelledby="andrade-faser" className={card}>
          <h2 id="andrade-faser" className="text-xl font-semibold">Faser</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {phases.added.map((p) => <li key={`+${p}`}>Ny fas: {p}</li>)}
            {phases.removed.map((p) => <li key={`-${p}`}>Borttagen fas: {p}</li>)}
            {phases.renamed.map((p) => <li key={p.field}>Fasen {p.before} heter nu {p.after}</li>)}
            {phases.reordered && <li>Faserna har fått en ny ordning.</li>}
          </ul>
        </section>
      )}
      <section aria-labelledby="tillagda" className={card}>
        <h2 id="tillagda" className="text-xl font-semibold">Tillagda aktiviteter ({activities.added.length})</h2>
        {activities.added.length === 0 ? <p className="mt-1 text-slate-700">Inga.</p> : (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {activities.added.map((a) => <li key={a.key}><span className="font-medium">{a.title}</span> <span className="text-slate-700">({a.phase})</span></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="borttagna" className={card}>
        <h2 id="borttagna" className="text-xl font-semibold">Borttagna aktiviteter ({activities.removed.length})</h2>
        {activities.removed.length === 0 ? <p className="mt-1 text-slate-700">Inga.</p> : (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {activities.removed.map((a) => <li key={a.key}><span className="font-medium">{a.title}</span> <span className="text-slate-700">({a.phase})</span></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="andrade" className={card}>
        <h2 id="andrade" className="text-xl font-semibold">Ändrade aktiviteter ({activities.changed.length})</h2>
        {activities.changed.length === 0 ? <p className="mt-1 text-slate-700">Inga.</p> : (
          <ul className="mt-2 space-y-4">
            {activities.changed.map((a) => (
              <li key={a.key}>
                <h3 className="font-semibold">{a.title} <span className="font-normal text-slate-700">({a.phase})</span></h3>
                <p className="text-sm text-slate-700">Ändrat: {a.changes.map((c) => c.label).join(", ")}</p>
                <ScrollArea label={`Ändringar i ${a.title}`}>
                  <ChangeTable caption={`Ändringar i ${a.title}`} changes={a.changes} />
                </ScrollArea>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
