import "server-only";
import { activeUnitWhere } from "../active-units.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { getDb, type DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import type { FlashTexts } from "../flash.ts";
import { CONTROL_CHARACTER_MESSAGE, UNEXPECTED_ERROR, UNREADABLE_FORM } from "../forms.ts";
import { IDENTITY_NUMBER_MESSAGE } from "../personal-data.ts";
import { adminOrganisationId } from "./queries.ts";
import { DIRECTORY_SCOPE_REQUIRED, directoryMappingSchema, firstMessage, removeDirectoryMappingSchema } from "./schemas.ts";

/** Every answer of the directory's role table on /admin/inloggning, by code (lib/flash.ts). */
export const DIRECTORY_TEXTS = {
  "rad-tillagd": { text: "Raden är tillagd. Den gäller från användarens nästa inloggning." },
  "rad-borttagen": { text: "Raden är borttagen. Rollerna den gav tas bort vid användarnas nästa inloggning." },
  "rad-finns": { text: "Den raden finns redan: värdet ger redan den rollen där.", error: true },
  "rad-finns-inte": { text: "Raden finns inte eller hör inte till din verksamhet.", error: true },
  "enhet-finns-inte": { text: "Enheten finns inte bland de öppna enheterna i din verksamhet. Välj en i listan.", error: true },
  "omrade-finns-inte": { text: "Området finns inte i din verksamhet. Välj ett i listan.", error: true },
  "ej-behorig": { text: "Du får inte ändra inloggningen.", error: true },
  // The schema's messages (lib/users/schemas.ts).
  "varde-saknas": { text: "Skriv värdet som katalogen skickar.", error: true },
  "varde-langt": { text: "Värdet får vara högst 200 tecken.", error: true },
  "roll-saknas": { text: "Välj en roll.", error: true },
  "omfattning-saknas": { text: DIRECTORY_SCOPE_REQUIRED, error: true },
  "uppgift-saknas": { text: "Uppgift saknas.", error: true },
  ogiltig: { text: "Kontrollera uppgifterna.", error: true },
  // The action wrapper's own refusals (lib/actions.ts).
  styrtecken: { text: CONTROL_CHARACTER_MESSAGE, error: true },
  personnummer: { text: IDENTITY_NUMBER_MESSAGE, error: true },
  "formular-olasligt": { text: UNREADABLE_FORM, error: true },
  fel: { text: UNEXPECTED_ERROR, error: true },
} as const satisfies FlashTexts;

export type DirectoryCode = keyof typeof DIRECTORY_TEXTS;
export type DirectoryResult = { ok: boolean; code: DirectoryCode; message: string };

const answer = (code: DirectoryCode): DirectoryResult => {
  const entry: { text: string; error?: boolean } = DIRECTORY_TEXTS[code];
  return { ok: !entry.error, code, message: entry.text };
};

/** The code whose text is the message, or "ogiltig". */
export function directoryCodeOf(message: string | undefined): DirectoryCode {
  const found = Object.entries(DIRECTORY_TEXTS).find(([, t]) => t.text === message);
  return (found?.[0] as DirectoryCode | undefined) ?? "ogiltig";
}

/** The table of the admin's verksamhet, with each row's scope named, and the open units by area for the form. */
export async function listDirectoryMappings(actor: Actor, db: DbClient = getDb()) {
  const organisationId = adminOrganisationId(actor);
  if (!organisationId) return null;
  const [rows, areas] = await Promise.all([
    db.directoryRoleMapping.findMany({
      where: { organisationId },
      orderBy: [{ claimValue: "asc" }, { role: "asc" }, { createdAt: "asc" }],
      select: { id: true, claimValue: true, role: true, unit: { select: { name: true, active: true } }, area: { select: { name: true } } },
    }),
    db.area.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, units: { where: activeUnitWhere(), orderBy: { name: "asc" }, select: { id: true, name: true } } } }),
  ]);
  return { rows, areas };
}

export type DirectoryMappingList = NonNullable<Awaited<ReturnType<typeof listDirectoryMappings>>>;

/**
 * Adds a row: the unit must be an open unit, and the area an area, of the admin's verksamhet; the same value, role and
 * scope twice is refused. Audited.
 */
export async function createDirectoryMapping(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<DirectoryResult> {
  const input = directoryMappingSchema.safeParse(raw);
  if (!input.success) return answer(directoryCodeOf(firstMessage(input.error)));
  const organisationId = adminOrganisationId(actor);
  if (!organisationId) return answer("ej-behorig");
  const { claimValue, role, scope } = input.data;
  return inTransaction(db, async (tx) => {
    if (scope.unitId && !(await tx.unit.findFirst({ where: { id: scope.unitId, ...activeUnitWhere(organisationId) }, select: { id: true } }))) return answer("enhet-finns-inte");
    if (scope.areaId && !(await tx.area.findFirst({ where: { id: scope.areaId, organisationId }, select: { id: true } }))) return answer("omrade-finns-inte");
    if (await tx.directoryRoleMapping.findFirst({ where: { organisationId, claimValue, role, unitId: scope.unitId, areaId: scope.areaId }, select: { id: true } })) return answer("rad-finns");
    const row = await tx.directoryRoleMapping.create({ data: { organisationId, claimValue, role, unitId: scope.unitId, areaId: scope.areaId } });
    await writeAudit(tx, { actorId: actor.id, action: "directory-mapping.create", entityType: "DirectoryRoleMapping", entityId: row.id, unitId: scope.unitId, after: { claimValue, role, unitId: scope.unitId, areaId: scope.areaId } });
    return answer("rad-tillagd");
  });
}

/** Removes a row of the admin's verksamhet; the roles it gave go at each user's next sign-in. Audited. */
export async function removeDirectoryMapping(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<DirectoryResult> {
  const input = removeDirectoryMappingSchema.safeParse(raw);
  if (!input.success) return answer(directoryCodeOf(firstMessage(input.error)));
  const organisationId = adminOrganisationId(actor);
  if (!organisationId) return answer("ej-behorig");
  return inTransaction(db, async (tx) => {
    const row = await tx.directoryRoleMapping.findFirst({ where: { id: input.data.mappingId, organisationId } });
    if (!row) return answer("rad-finns-inte");
    await tx.directoryRoleMapping.delete({ where: { id: row.id } });
    await writeAudit(tx, { actorId: actor.id, action: "directory-mapping.remove", entityType: "DirectoryRoleMapping", entityId: row.id, unitId: row.unitId, before: { claimValue: row.claimValue, role: row.role, unitId: row.unitId, areaId: row.areaId } });
    return answer("rad-borttagen");
  });
}
