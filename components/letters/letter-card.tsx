import { formatDateLong, formatDateIso, formatMonthSpan } from "@/lib/dates/cycle";
import type { Letter } from "@/lib/letters/queries";
import { STATE_LABELS, type LetterState } from "@/lib/tasks/module-tasks";
import { DISPATCH_METHOD_LABELS } from "@/lib/letters/schemas";
import { LetterActions, type LetterFormState } from "./letter-form";

type Action = (prev: LetterFormState, data: FormData) => Promise<LetterFormState>;

const STATE_TONES: Record<LetterState, string> = {
  sent: "border-green-700 bg-green-50 text-green-900",
  "sent-late": "border-amber-700 bg-amber-50 text-amber-900",
  "not-applicable": "border-slate-500 bg-slate-100 text-slate-800",
  missing: "border-red-800 bg-red-50 text-red-900",
  planned: "border-slate-500 bg-white text-slate-800",
};

export function LetterStateBadge({ state }: { state: LetterState }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATE_TONES[state]}`}>
      {STATE_LABELS[state]}
      {state === "sent" && <span aria-hidden="true"> ✓</span>}
    </span>
  );
}

/** A template reference is a link when it is an address, otherwise the place where the municipality keeps it. */
export function TemplateRef({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-700">Ingen mall angiven i rutinen.</span>;
  return /^https?:\/\//.test(value) ? (
    <a href={value} className="text-blue-800 underline" rel="noopener noreferrer">
      Mall för brevet
    </a>
  ) : (
    <span>Mall: {value}</span>
  );
}

/**
 * One brukarbrev: when it is planned, whether it is sent, and (for the koordinator, actions given) the form to
 * record it. Without actions the card is read-only, as the enhetschef sees it.
 */
export function LetterCard({ letter, unitId, year, today, actions, openForm = false }: { letter: Letter; unitId: string; year: number; today: Date; actions: { record: Action; undo: Action } | null; /** Its form open at once (?brev=). */ openForm?: boolean }) {
  const { task, dispatch } = letter;
  const headingId = `brukarbrev-${letter.number}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          Brukarbrev {letter.number}
          {task && task.activity.title !== `Brukarbrev ${letter.number}` && <span className="font-normal">: {task.activity.title}</span>}
        </h3>
        <LetterStateBadge state={letter.state} />
      </div>
      {!task ? (
        <p className="mt-2 text-slate-700">Brevet ingår inte i årets rutin för enheten.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">
            Planerat: {formatMonthSpan(task.activity) ?? "ingen månad angiven"}
            {task.dueOn && `, senast ${formatDateLong(task.dueOn)}`}
          </p>
          {task.activity.description && <p className="mt-1 text-sm">{task.activity.description}</p>}
          <p className="mt-1 text-sm">
            <TemplateRef value={task.activity.templateRef} />
          </p>
          {dispatch && (
            <p className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
              Skickat {formatDateLong(dispatch.sentOn)}: <strong>{dispatch.count} brev</strong>,{" "}
              {dispatch.method === "OTHER" ? dispatch.methodOther : DISPATCH_METHOD_LABELS[dispatch.method].toLowerCase()}
              {dispatch.note && `. ${dispatch.note}`}
              {dispatch.recordedBy && <span className="text-slate-700"> (registrerat av {dispatch.recordedBy.name})</span>}
            </p>
          )}
          {letter.state === "not-applicable" && (
            <p className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
              Ej aktuellt i år{task.notApplicableReason ? `: ${task.notApplicableReason}` : "."}
            </p>
          )}
          {actions && (
          <LetterActions
            recordAction={actions.record}
            undoAction={actions.undo}
            unitId={unitId}
            year={year}
            letterNumber={letter.number}
            openForm={openForm}
            today={formatDateIso(today)}
            initial={
              dispatch
                ? { sentOn: formatDateIso(dispatch.sentOn), count: String(dispatch.count), method: dispatch.method, methodOther: dispatch.methodOther ?? "", note: dispatch.note ?? "", version: dispatch.version }
                : null
            }
          />
          )}
          <p className="mt-2 text-sm">
            <a href={`/checklista/uppgift/${task.id}`} className="text-blue-800 underline">
              Historik för brukarbrev {letter.number}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
