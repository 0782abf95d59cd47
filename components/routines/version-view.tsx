import { formatDateLong } from "@/lib/dates/cycle";
import { KIND_LABELS } from "@/lib/routines/labels";
import type { FullVersion, PublishRecord } from "@/lib/routines/versions";
import { FactList } from "@/components/ui/fact-list";
import { PhaseActivities } from "./activity-table";
import { describeTiming } from "./timing";

export function VersionMetadata({ version }: { version: FullVersion }) {
  return (
    <FactList
      small
      facts={[
        ["Beslutad av", version.decidedBy ?? "–"],
        ["Beslutsdatum", version.decidedOn ? formatDateLong(version.decidedOn) : "–"],
        ["Dokumentansvarig", version.documentOwner ?? "–"],
        [
          "Giltighet",
          version.status === "DRAFT" && !version.decidedOn
            ? "Bestäms vid publiceringen"
            : version.validUntil
              ? `Gäller till och med ${formatDateLong(version.validUntil)}`
              : "Gäller tills vidare",
        ],
        [
          "Dokumentet ersätter",
          <>
            {version.replacesText ?? "–"}
            {version.replacesVersion && ` (version ${version.replacesVersion.version} i Årshjulet)`}
          </>,
        ],
        ["Publicerad", version.publishedAt ? formatDateLong(version.publishedAt) : "Inte publicerad"],
        ["Syfte", version.purpose || null, true],
      ]}
    />
  );
}

/** Phases and their activities, read-only, in document order. */
export function VersionActivities({ version }: { version: FullVersion }) {
  return (
    <div className="space-y-4">
      {version.phases.map((phase) => {
        const activities = version.activities.filter((a) => a.phaseId === phase.id);
        return (
          <PhaseActivities
            key={phase.id}
            phase={phase}
            level={2}
            whenLabel="När"
            caption={`Aktiviteter i fasen ${phase.name}`}
            empty="Fasen har inga aktiviteter."
            activities={activities.map((a) => ({
              ...a,
              when: describeTiming(a),
              kind: `${KIND_LABELS[a.kind]}${a.letterNumber ? ` ${a.letterNumber}` : ""}`,
              more: (
                <>
                  {a.note && <p className="mt-1 text-slate-700">Motivering: {a.note}</p>}
                  <p className="mt-1 text-xs text-slate-700">Nyckel: {a.key}</p>
                </>
              ),
            }))}
          />
        );
      })}
    </div>
  );
}

const REASONS: Record<string, string> = { "in-progress": "pågår", history: "har historik" };

/** What happened to the open cycles when the version was published. */
export function PublishRecordView({ record }: { record: PublishRecord }) {
  if (record.followTasks === null) return null;
  if (record.followTasks === "nej") {
    return <p className="text-sm">Vid publiceringen valdes att pågående cykler fortsätter enligt den tidigare versionen.</p>;
  }
  return (
    <div className="space-y-2 text-sm">
      <p>
        Vid publiceringen fick återstående uppgifter följa den nya versionen
        {record.followTasks === "delvis" ? " i de här cyklerna; övriga öppna cykler fortsatte enligt den tidigare versionen" : ""}:
      </p>
      <ul className="list-disc space-y-2 pl-5">
        {record.followed.map((f) => (
          <li key={f.year}>
            <span className="font-semibold">Cykel {f.year}:</span> {f.repointed} uppgifter flyttades till den nya versionen, {f.created} nya
            skapades, {f.removed} togs bort och {f.untouched} klara eller ej aktuella lämnades orörda.
            {f.kept.length > 0 && (
              <>
                {" "}
                {f.kept.length} uppgifter till aktiviteter som inte finns kvar behölls:
                <ul className="mt-1 list-[circle] pl-5">
                  {f.kept.map((k, i) => (
                    <li key={i}>
                      {k.title}
                      {k.unitName ? ` – ${k.unitName}` : ""} ({REASONS[k.reason] ?? k.reason})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
