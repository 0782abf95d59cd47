import { Link } from "@/components/ui/link";
import { ButtonLink } from "@/components/ui/button";
import { formatDateLong } from "@/lib/dates/cycle";
import type { ManagedRoutine } from "@/lib/routines/versions";
import type { FormState } from "@/lib/forms";
import { EditRoutineButton } from "./routine-buttons";
import { ColourSwatch, StatusBadge } from "./status-badge";
import { Notice } from "@/components/ui/section";

type Props = { routines: ManagedRoutine[]; createDraftAction: (prev: FormState, data: FormData) => Promise<FormState> };

/** Every routine with its active version and open draft, and the way to each of them. */
export function RoutineList({ routines, createDraftAction }: Props) {
  if (routines.length === 0) return <Notice>Det finns inga rutiner ännu. Skapa eller importera en.</Notice>;
  return (
    <ul className="space-y-4">
      {routines.map((routine) => {
        const active = routine.versions.find((v) => v.status === "ACTIVE");
        const draft = routine.versions.find((v) => v.status === "DRAFT");
        return (
          <li key={routine.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" style={{ borderLeft: `6px solid ${routine.colour}` }}>
            <h2 className="flex items-center gap-2 text-xl font-semibold">
              <ColourSwatch colour={routine.colour} />
              <Link href={`/rutiner/${routine.key}`} className="text-blue-900 underline-offset-4 hover:underline">
                {routine.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Nyckel <code>{routine.key}</code> · färg i årshjulet {routine.colour} · {routine.versions.length} {routine.versions.length === 1 ? "version" : "versioner"}
            </p>
            <ul className="mt-3 space-y-1">
              {active && (
                <li>
                  <StatusBadge status="ACTIVE" />{" "}
                  <Link href={`/rutiner/${routine.key}/version/${active.version}`} className="text-blue-800 underline">
                    Version {active.version}
                  </Link>
                  {active.decidedOn && <span className="text-slate-700">, beslutad {formatDateLong(active.decidedOn)}</span>}
                  <span className="text-slate-700">, {active._count.activities} aktiviteter</span>
                </li>
              )}
              {draft && (
                <li>
                  <StatusBadge status="DRAFT" />{" "}
                  <Link href={`/rutiner/${routine.key}/version/${draft.version}/redigera`} className="text-blue-800 underline">
                    Version {draft.version} (utkast)
                  </Link>
                  <span className="text-slate-700">, {draft._count.activities} aktiviteter</span>
                </li>
              )}
              {!active && !draft && <li className="text-slate-700">Ingen gällande version.</li>}
            </ul>
            <div className="mt-3 flex flex-wrap items-start gap-3">
              {draft ? (
                <ButtonLink href={`/rutiner/${routine.key}/version/${draft.version}/redigera`}>
                  Fortsätt redigera utkastet
                </ButtonLink>
              ) : (
                active && <EditRoutineButton action={createDraftAction} routineId={routine.id} label={`Redigera ${routine.title}`} />
              )}
              <ButtonLink href={`/rutiner/${routine.key}`} variant="secondary">
                Alla versioner
              </ButtonLink>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
