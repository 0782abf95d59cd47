import type { DbClient, Prisma } from "../db/index.ts";
import { isAppMade } from "../forms.ts";
import { containsIdentityNumber } from "../personal-data.ts";

/** Every action the audit trail records, with the words the audit page shows for it. */
export const AUDIT_ACTION_LABELS = {
  "seed.run": "Demodata inlagd",
  "user.create": "Användare skapad",
  "user.activate": "Användare aktiverad",
  "user.deactivate": "Användare inaktiverad",
  "user.password": "Lösenord bytt",
  "user.password-link": "Lösenord satt med länk",
  "user.password-reset-link": "Länk för nytt lösenord skapad",
  "user.update": "Användarens namn eller e-post ändrad",
  "organisation.setup": "Årshjulet installerat",
  "user.email-preference": "E-postval ändrat",
  "user.oidc-link": "Kopplad till kommunens inloggning",
  "user.oidc-unlink": "Bortkopplad från kommunens inloggning",
  "user.created.jit": "Användare skapad vid första inloggningen",
  "roles.synced": "Roller från katalogen uppdaterade vid inloggning",
  "directory-mapping.create": "Katalogvärde kopplat till en roll",
  "directory-mapping.remove": "Katalogvärdets roll borttagen",
  "session.start": "Inloggad",
  "session.end": "Utloggad",
  "role.assign": "Roll tillagd",
  "role.remove": "Roll borttagen",
  "task.status": "Status ändrad",
  "task.comment": "Kommentar",
  "task.plan": "Uppgift planerad",
  "local-activity.create": "Egen aktivitet tillagd",
  "routine.create": "Rutin skapad",
  "routine.update-colour": "Rutinens färg ändrad",
  "routine.update-start-month": "Rutinens startmånad ändrad",
  "routine-version.create-draft": "Utkast skapat",
  "routine-version.update": "Utkastets uppgifter ändrade",
  "routine-version.import": "Rutin importerad",
  "routine-version.delete-draft": "Utkast borttaget",
  "routine-version.publish": "Rutinversion publicerad",
  "activity.create": "Aktivitet tillagd",
  "activity.update": "Aktivitet ändrad",
  "activity.delete": "Aktivitet borttagen",
  "activity.move": "Aktivitet flyttad",
  "activity.reminders": "Påminnelsedagar ändrade",
  "phase.create": "Fas tillagd",
  "phase.rename": "Fas omdöpt",
  "phase.delete": "Fas borttagen",
  "phase.move": "Fas flyttad",
  "cycle.start": "Cykel startad",
  "cycle.plan": "Cykel planerad på nytt",
  "cycle.timetable": "Undersökningens tidsplan ändrad",
  "letter.record": "Brukarbrev registrerat",
  "letter.correct": "Brukarbrev rättat",
  "letter.undo": "Brukarbrevets registrering borttagen",
  "results.import": "Resultat importerade",
  "indicator.create": "Indikator tillagd",
  "indicator.update": "Indikator ändrad",
  "kolada.settings": "Inställningar för Kolada ändrade",
  "improvement.create": "Förbättringsåtgärd skapad",
  "improvement.update": "Förbättringsåtgärd ändrad",
  "improvement.note": "Anteckning om åtgärd",
  "review.import": "Ärendelista importerad",
  "review.draw": "Urval draget",
  "review.decline": "Ärende avböjt",
  "review.interview.create": "Intervju registrerad",
  "review.interview.update": "Intervju ändrad",
  "review.summarise": "Sammanställningen markerad som klar",
  "calendarFeed.create": "Kalender skapad",
  "calendarFeed.revoke": "Kalender avslutad",
  "shareLink.create": "Delningslänk skapad",
  "shareLink.revoke": "Delningslänk avslutad",
  "area.create": "Område skapat",
  "area.rename": "Område omdöpt",
  "area.remove": "Område borttaget",
  "unit.create": "Enhet skapad",
  "unit.update": "Enhet ändrad",
  "unit.close": "Enhet stängd",
  "unit.reopen": "Enhet öppnad igen",
  "organisation.import": "Organisationen importerad",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The label of a stored action; an action this version does not know is shown as it is stored. */
export const auditActionLabel = (action: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
};

export const REDACTED_IDENTITY_NUMBER = "(personnummer borttaget)";

// Dates become ISO strings and undefined disappears, so what is stored is exactly what JSON can hold. A safety net
// for the trail (issue 30): every write path refuses a personnummer before it gets here, but a text of before or
// after that holds one anyway is stored without it (lib/personal-data.ts; ids and digests the app made are left alone).
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" && !isAppMade(item) && containsIdentityNumber(item) ? REDACTED_IDENTITY_NUMBER : item));
  return JSON.parse(text) as Prisma.InputJsonValue;
}

const auditData = (entry: AuditInput) => ({
  actorId: entry.actorId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  unitId: entry.unitId ?? null,
  before: toJson(entry.before),
  after: toJson(entry.after),
});

/** Appends one entry to the audit trail. Call it inside the transaction of the mutation it records. */
export async function writeAudit(db: DbClient, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({ data: auditData(entry) });
}

/** Appends many entries in one statement (a set-based write of many records, one entry each): as writeAudit. */
export async function writeAudits(db: DbClient, entries: AuditInput[]): Promise<void> {
  if (entries.length > 0) await db.auditEntry.createMany({ data: entries.map(auditData) });
}
