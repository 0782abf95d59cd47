import { assignRoleAction, removeRoleAction, setActiveAction, setPasswordAction, unlinkOidcAction, updateUserAction } from "@/app/(app)/admin/anvandare/actions";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { PASSWORD_MIN_LENGTH, WHOLE_VERKSAMHET } from "@/lib/users/schemas";
import type { UserList } from "@/lib/users/queries";

const input = "rounded border border-slate-500 px-2 py-1";
const button = "rounded border border-blue-800 px-3 py-1 text-blue-900 hover:bg-blue-50";

/** `oidcName`: OIDC_DISPLAY_NAME, the name of the municipality's sign-in in every text about it. */
export function UserCard({ user, areas, isSelf, oidcName }: { user: UserList["users"][number]; areas: UserList["areas"]; isSelf: boolean; oidcName: string }) {
  const base = `anv-${user.id}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`${base}-namn`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${base}-namn`} className="text-lg font-semibold">
          {user.name} {!user.active && <span className="ml-1 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">Inaktiverad</span>}
        </h3>
        <span className="break-all text-slate-700">{user.email}</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">{user.hasPassword ? `Loggar in med lösenord eller ${oidcName}.` : `Loggar in bara med ${oidcName}.`}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span>{user.oidcLinked ? `Kopplad till ett konto i ${oidcName}.` : `Inte kopplad till ${oidcName} ännu (kopplas vid första inloggningen där).`}</span>
        {user.oidcLinked && (
          <form action={unlinkOidcAction}>
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className="min-h-6 text-red-800 underline">
              Koppla bort<span className="sr-only"> {user.name} från {oidcName}</span>
            </button>
          </form>
        )}
      </div>

      <h4 className="mt-3 font-medium">Roller</h4>
      {user.roleAssignments.length === 0 ? (
        <p className="text-sm">Inga roller ännu: användaren ser ingenting.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {user.roleAssignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <span>
                {ROLE_LABELS[a.role]} – {a.unit?.name ?? "hela verksamheten"}
                {a.source === "DIRECTORY" && <span className="ml-1 text-sm text-slate-700">(från katalogen: sätts om vid nästa inloggning)</span>}
              </span>
              <form action={removeRoleAction}>
                <input type="hidden" name="assignmentId" value={a.id} />
                <button type="submit" className="text-sm text-red-800 underline">
                  Ta bort<span className="sr-only"> rollen {ROLE_LABELS[a.role]} för {user.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <form action={assignRoleAction} className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <label className="flex flex-col text-sm">
          Roll
          <select name="role" className={input} defaultValue="" required>
            <option value="" disabled>Välj …</option>
            {Object.entries(ROLE_LABELS).map(([role, label]) => <option key={role} value={role}>{label}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Gäller
          <select name="unitId" className={input} defaultValue="" required>
            <option value="" disabled>Välj …</option>
            <option value={WHOLE_VERKSAMHET}>Hela verksamheten</option>
            {areas.map((area) => (
              <optgroup key={area.id} label={area.name}>
                {area.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit" className={button}>Lägg till roll<span className="sr-only"> för {user.name}</span></button>
      </form>

      <div className="mt-3 flex flex-wrap items-start gap-4">
        {!isSelf && (
          <form action={setActiveAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <button type="submit" className={button}>
              {user.active ? "Inaktivera" : "Aktivera"}<span className="sr-only"> {user.name}</span>
            </button>
          </form>
        )}
        <details>
          <summary className="cursor-pointer text-blue-800 underline">Ändra namn och e-post<span className="sr-only"> för {user.name}</span></summary>
          <form action={updateUserAction} className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="userId" value={user.id} />
            <label className="flex flex-col text-sm">
              Namn
              <input name="name" defaultValue={user.name} required autoComplete="off" className={input} />
            </label>
            <label className="flex flex-col text-sm">
              E-postadress
              <input name="email" type="email" defaultValue={user.email} required autoComplete="off" className={input} />
            </label>
            <button type="submit" className={button}>Spara<span className="sr-only"> namn och e-post för {user.name}</span></button>
          </form>
        </details>
        <details>
          <summary className="cursor-pointer text-blue-800 underline">Sätt nytt lösenord<span className="sr-only"> för {user.name}</span></summary>
          <form action={setPasswordAction} className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="userId" value={user.id} />
            <label className="flex flex-col text-sm">
              Nytt lösenord (minst {PASSWORD_MIN_LENGTH} tecken)
              <input type="password" name="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} className={input} />
            </label>
            <button type="submit" className={button}>Spara lösenord</button>
          </form>
        </details>
      </div>
    </li>
  );
}
