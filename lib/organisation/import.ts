import "server-only";
import { createHash } from "node:crypto";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { Role } from "../db/generated/enums.ts";
import { formatDateLong, parseIsoDate } from "../dates/cycle.ts";
import { chunks, fail, transact, yieldToEventLoop } from "../db/transaction.ts";
import type { Failure } from "../forms.ts";
import { plural } from "../plural.ts";
import { koladaOuIdSchema } from "../results/schemas.ts";
import { ROLE_LABELS } from "../routines/labels.ts";
import { assignRoles, createUsers } from "../users/mutations.ts";
import { EMAIL_UNAVAILABLE } from "../users/messages.ts";
import { createUserSchema, WHOLE_VERKSAMHET } from "../users/schemas.ts";
import { closeUnit, createArea, createUnit, reopenUnit, updateUnit } from "./mutations.ts";
import { areaNameSchema, unitNameSchema } from "./schemas.ts";
import { AREA_UNIT_SEPARATOR, readOrganisationFile, REFERENCE_SEPARATOR, SHEETS, WHOLE_VERKSAMHET_TEXT, type WorkbookContent, type WorkbookRow, type WorkbookRows } from "./workbook.ts";

/** What an import will do, in words for the preview, with the steps to do it. */
export type ImportPlan = { created: string[]; changed: string[]; closed: string[]; steps: Step[]; fingerprint: string };
type Step =
  | { kind: "area"; name: string }
  | { kind: "create-unit"; area: string; name: string; koladaOuId: string | null }
  | { kind: "update-unit"; unitId: string; areaId: string; name: string; koladaOuId: string | null }
  | { kind: "close-unit"; unitId: string; closedOn: string }
  | { kind: "reopen-unit"; unitId: string }
  | { kind: "user"; email: string; name: string }
  | { kind: "role"; email: string; role: Role; unit: { area: string; name: string } | null };

const MAX_ERRORS = 20;
/** E-mail addresses per query of the check against other verksamheters accounts. */
const LOOKUP_BATCH = 500;
const key = (...parts: string[]) => parts.map((p) => p.toLocaleLowerCase("sv")).join("\u0000");
// A role by its label, its code, or what its holder is called where the label names a unit ("Kommunikatör").
const ROLE_BY_TEXT = new Map<string, Role>([...Object.values(Role).flatMap((r): [string, Role][] => [[key(ROLE_LABELS[r]), r], [key(r), r]]), [key("Kommunikatör"), "KOMMUNIKATOR"]]);

async function loadOrganisation(db: DbClient, organisationId: string) {
  const [areas, units, users] = await Promise.all([
    db.area.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.unit.findMany({ where: { area: { organisationId } }, orderBy: [{ area: { position: "asc" } }, { name: "asc" }], select: { id: true, name: true, active: true, closedOn: true, koladaOuId: true, areaId: true, area: { select: { name: true } } } }),
    db.user.findMany({
      where: { organisationId },
      orderBy: { email: "asc" },
      select: { id: true, email: true, name: true, active: true, roleAssignments: { where: { organisationId, source: "MANUAL" }, orderBy: [{ role: "asc" }], select: { role: true, unitId: true } } },
    }),
  ]);
  return { areas, units, users };
}

/** The reference of a unit in the column Gäller: its name, or "Område / Enhet" when another area has a unit so named. */
function unitReference(unit: { name: string; area: string }, all: { name: string }[]): string {
  return all.filter((u) => key(u.name) === key(unit.name)).length > 1 ? `${unit.area}${AREA_UNIT_SEPARATOR}${unit.name}` : unit.name;
}

/** The verksamhet's organisation as the workbook holds it: every area and unit, and the active users with their roles. */
export async function getWorkbookContent(organisationId: string, db: DbClient = getDb()): Promise<WorkbookContent> {
  const { areas, units, users } = await loadOrganisation(db, organisationId);
  // A role on a closed unit is history: it is not written, so that importing the export back changes nothing.
  const refOf = new Map(units.filter((u) => u.active).map((u) => [u.id, unitReference({ name: u.name, area: u.area.name }, units)]));
  return {
    areas: areas.map((a) => a.name),
    units: units.map((u) => ({ name: u.name, area: u.area.name, koladaOuId: u.koladaOuId, closedOn: u.closedOn })),
    users: users
      .filter((u) => u.active)
      .flatMap((u) => {
        const byRole = new Map<Role, (string | null)[]>();
        for (const a of u.roleAssignments) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a.unitId]);
        if (byRole.size === 0) return [{ email: u.email, name: u.name, role: "", scope: "" }];
        return [...byRole].flatMap(([role, unitIds]) => {
          const rows = [];
          if (unitIds.includes(null)) rows.push({ email: u.email, name: u.name, role: ROLE_LABELS[role], scope: WHOLE_VERKSAMHET_TEXT });
          const named = unitIds.flatMap((id) => (id && refOf.has(id) ? [refOf.get(id)!] : []));
          if (named.length > 0) rows.push({ email: u.email, name: u.name, role: ROLE_LABELS[role], scope: named.join(`${REFERENCE_SEPARATOR} `) });
          return rows;
        });
      }),
  };
}

/**
 * Plans an import against the verksamhet as it is: every row checked, errors naming sheet and row, nothing written.
 * Returns the plan (possibly empty: "Inget att ändra") or the refusal with every error found (up to 20).
 */
export async function planImport(organisationId: string, rows: WorkbookRows, today: Date, db: DbClient = getDb()): Promise<ImportPlan | Failure> {
  const org = await loadOrganisation(db, organisationId);
  const errors: string[] = [];
  const error = (sheet: keyof typeof SHEETS, row: WorkbookRow, text: string) => errors.push(`${SHEETS[sheet].name}, rad ${row.line}: ${text}`);
  const plan: ImportPlan = { created: [], changed: [], closed: [], steps: [], fingerprint: "" };

  // Areas: the organisation's and the file's.
  const areaNames = new Map(org.areas.map((a) => [key(a.name), a.name]));
  const seenAreas = new Set<string>();
  for (const row of rows.areas) {
    const name = areaNameSchema.safeParse(row.cells["Område"]);
    if (!name.success) { error("areas", row, name.error.issues[0]!.message); continue; }
    if (seenAreas.has(key(name.data))) { error("areas", row, `området ”${name.data}” står redan på en tidigare rad.`); continue; }
    seenAreas.add(key(name.data));
    if (!areaNames.has(key(name.data))) {
      areaNames.set(key(name.data), name.data);
      plan.created.push(`Område: ${name.data}`);
      plan.steps.push({ kind: "area", name: name.data });
    }
  }

  // Units, by area and name. Existing ones may change Kolada id, be closed (a date) or reopened (no date).
  type PlannedUnit = { name: string; area: string; active: boolean };
  const unitsByKey = new Map<string, PlannedUnit & { id?: string }>(org.units.map((u) => [key(u.area.name, u.name), { id: u.id, name: u.name, area: u.area.name, active: u.active }]));
  const seenUnits = new Set<string>();
  for (const row of rows.units) {
    const name = unitNameSchema.safeParse(row.cells["Enhet"]);
    if (!name.success) { error("units", row, name.error.issues[0]!.message); continue; }
    const areaText = row.cells["Område"]!;
    const area = areaNames.get(key(areaText));
    if (!area) { error("units", row, areaText ? `området ”${areaText}” finns inte, varken i verksamheten eller på bladet Områden.` : "ange enhetens område."); continue; }
    const kolada = koladaOuIdSchema.safeParse(row.cells["Kolada-id"]);
    if (!kolada.success) { error("units", row, kolada.error.issues[0]!.message); continue; }
    const closedText = row.cells["Stängd från"]!;
    const closedOn = closedText ? parseIsoDate(closedText) : null;
    if (closedText && !closedOn) { error("units", row, `Stängd från ska vara ett datum, ÅÅÅÅ-MM-DD (”${closedText}”).`); continue; }
    if (closedOn && closedOn > today) { error("units", row, "Stängd från kan inte ligga i framtiden."); continue; }
    const k = key(area, name.data);
    if (seenUnits.has(k)) { error("units", row, `enheten ”${name.data}” i ${area} står redan på en tidigare rad.`); continue; }
    seenUnits.add(k);
    const existing = org.units.find((u) => key(u.area.name, u.name) === k);
    const label = `Enhet: ${name.data} (${area})`;
    if (!existing) {
      if (closedOn) { error("units", row, "en ny enhet kan inte vara stängd. Töm Stängd från eller ta bort raden."); continue; }
      unitsByKey.set(k, { name: name.data, area, active: true });
      plan.created.push(`${label}${kolada.data ? `, Kolada-id ${kolada.data}` : ""}`);
      plan.steps.push({ kind: "create-unit", area, name: name.data, koladaOuId: kolada.data });
      continue;
    }
    if (existing.koladaOuId !== kolada.data) {
      plan.changed.push(`${label}: Kolada-id ${existing.koladaOuId ?? "inget"} → ${kolada.data ?? "inget"}`);
      plan.steps.push({ kind: "update-unit", unitId: existing.id, areaId: existing.areaId, name: existing.name, koladaOuId: kolada.data });
    }
    if (closedOn && existing.active) {
      plan.closed.push(`${label} från ${formatDateLong(closedOn)}`);
      plan.steps.push({ kind: "close-unit", unitId: existing.id, closedOn: closedText });
      unitsByKey.set(k, { id: existing.id, name: existing.name, area, active: false });
    } else if (!closedOn && !existing.active) {
      plan.changed.push(`${label}: öppnas igen`);
      plan.steps.push({ kind: "reopen-unit", unitId: existing.id });
      unitsByKey.set(k, { id: existing.id, name: existing.name, area, active: true });
    }
  }

  // Users: one row per user and role; roles are added, never removed.
  const planned = [...unitsByKey.values()];
  const resolve = (reference: string): { units: PlannedUnit[] } | { problem: string } => {
    const [first, second] = reference.split(AREA_UNIT_SEPARATOR.trim()).map((p) => p.trim());
    if (second !== undefined) {
      const unit = unitsByKey.get(key(first!, second));
      return unit ? { units: [unit] } : { problem: `enheten ”${reference}” finns inte.` };
    }
    const byName = planned.filter((u) => key(u.name) === key(first!));
    if (byName.length > 1) return { problem: `det finns flera enheter som heter ”${first}”: skriv område och enhet, t.ex. ${byName[0]!.area}${AREA_UNIT_SEPARATOR}${first}.` };
    if (byName.length === 1) return { units: byName };
    const area = areaNames.get(key(first!));
    if (area) return { units: planned.filter((u) => key(u.area) === key(area) && u.active) };
    return { problem: `enheten eller området ”${reference}” finns inte.` };
  };
  const usersByEmail = new Map(org.users.map((u) => [u.email, u]));
  // The file's new e-mail addresses that an account of another verksamhet holds: asked in parts, not one query a row
  // (2 000 of them held the embedded database, and every other request, for seconds: issue 30, H8).
  const newEmails = [...new Set(rows.users.flatMap((row) => {
    const email = createUserSchema.shape.email.safeParse(row.cells["E-post"]);
    return email.success && !usersByEmail.has(email.data) ? [email.data] : [];
  }))];
  const heldElsewhere = new Set<string>();
  for (const part of chunks(newEmails, LOOKUP_BATCH)) {
    await yieldToEventLoop();
    for (const user of await db.user.findMany({ where: { email: { in: part } }, select: { email: true } })) heldElsewhere.add(user.email);
  }
  const fileNames = new Map<string, string>();
  const plannedRoles = new Set<string>();
  for (const [n, row] of rows.users.entries()) {
    // Thousands of rows: other requests get in between (issue 30, H8).
    if (n % LOOKUP_BATCH === LOOKUP_BATCH - 1) await yieldToEventLoop();
    const email = createUserSchema.shape.email.safeParse(row.cells["E-post"]);
    if (!email.success) { error("users", row, `e-postadressen ”${row.cells["E-post"]}” är inte giltig.`); continue; }
    const name = createUserSchema.shape.name.safeParse(row.cells["Namn"]);
    if (!name.success) { error("users", row, name.error.issues[0]!.message); continue; }
    const earlierName = fileNames.get(email.data);
    if (earlierName !== undefined && earlierName !== name.data) { error("users", row, `${email.data} har ett annat namn på en tidigare rad (${earlierName}).`); continue; }
    fileNames.set(email.data, name.data);
    const roleText = row.cells["Roll"]!;
    const scopeText = row.cells["Gäller"]!;
    const role = roleText ? ROLE_BY_TEXT.get(key(roleText)) : undefined;
    if (roleText && !role) { error("users", row, `rollen ”${roleText}” finns inte. Välj en av: ${Object.values(ROLE_LABELS).join(", ")}.`); continue; }
    if (!role && scopeText) { error("users", row, "ange rollen som Gäller avser."); continue; }
    if (role && !scopeText) { error("users", row, `ange vad rollen gäller: ${WHOLE_VERKSAMHET_TEXT}, ett område eller enheter.`); continue; }
    let units: (PlannedUnit | null)[] = [];
    if (role) {
      if (key(scopeText) === key(WHOLE_VERKSAMHET_TEXT)) units = [null];
      else {
        const problems: string[] = [];
        for (const reference of scopeText.split(REFERENCE_SEPARATOR).map((r) => r.trim()).filter(Boolean)) {
          const found = resolve(reference);
          if ("problem" in found) problems.push(found.problem);
          else if (found.units.some((u) => !u.active)) problems.push(`enheten ”${reference}” är stängd.`);
          else units.push(...found.units);
        }
        if (problems.length > 0) { error("users", row, problems.join(" ")); continue; }
      }
    }
    const existing = usersByEmail.get(email.data);
    if (!existing && !fileNames.has(`skapad:${email.data}`)) {
      // Held by an account of another verksamhet: refused in the user form's words, which never say so (decision 031).
      if (heldElsewhere.has(email.data)) { error("users", row, `${email.data}: ${EMAIL_UNAVAILABLE}`); continue; }
      fileNames.set(`skapad:${email.data}`, name.data);
      plan.created.push(`Användare: ${name.data} (${email.data}), utan lösenord`);
      plan.steps.push({ kind: "user", email: email.data, name: name.data });
    }
    for (const unit of units) {
      const unitId = unit ? unitsByKey.get(key(unit.area, unit.name))?.id : null;
      const has = existing?.roleAssignments.some((a) => a.role === role && (unit ? unitId !== undefined && a.unitId === unitId : a.unitId === null));
      const k = key(email.data, role!, unit ? key(unit.area, unit.name) : "");
      if (has || plannedRoles.has(k)) continue;
      plannedRoles.add(k);
      (existing ? plan.changed : plan.created).push(`Roll: ${ROLE_LABELS[role!]} för ${unit ? unit.name : "hela verksamheten"}, ${name.data} (${email.data})`);
      plan.steps.push({ kind: "role", email: email.data, role: role!, unit: unit ? { area: unit.area, name: unit.name } : null });
    }
  }

  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    const more = errors.length > MAX_ERRORS ? [`… och ${plural(errors.length - MAX_ERRORS, "fel", "fel")} till.`] : [];
    return { ok: false, message: `Filen har ${plural(errors.length, "fel", "fel")}. Rätta raderna och försök igen. Inget har sparats.`, details: [...shown, ...more] };
  }
  plan.fingerprint = createHash("sha256").update(JSON.stringify(plan.steps)).digest("hex").slice(0, 32);
  return plan;
}

type Tx = Prisma.TransactionClient;
const STALE = "Organisationen eller filen har ändrats sedan förhandsgranskningen. Förhandsgranska filen igen. Inget har sparats.";

/** Runs an import's steps in one transaction, each through the same domain call as the page's forms: all or nothing. */
export async function applyImport(actor: Actor, rows: WorkbookRows, previewed: string, today: Date, db: DbClient = getDb()): Promise<{ ok: true; message: string; plan: ImportPlan } | Failure> {
  const organisationId = homeOrganisationFor(actor, "organisation:manage");
  if (!organisationId) return { ok: false, message: "Du får inte ändra verksamhetens organisation." };
  return transact(db, async (tx: Tx) => {
    const plan = await planImport(organisationId, rows, today, tx);
    if (!("steps" in plan)) return plan;
    if (plan.steps.length === 0) return { ok: true as const, message: "Inget att ändra.", plan };
    if (plan.fingerprint !== previewed) fail(STALE);
    const areaId = async (name: string) => (await tx.area.findFirstOrThrow({ where: { organisationId, name } })).id;
    const check = (result: { ok: boolean; message: string }) => {
      if (!result.ok) fail(`${result.message} Inget har sparats.`);
    };
    // Areas and units one at a time, through the page's forms' own calls (a verksamhet has tens of them).
    for (const step of plan.steps) {
      await yieldToEventLoop();
      switch (step.kind) {
        case "area": check(await createArea(actor, { name: step.name }, tx)); break;
        case "create-unit": check(await createUnit(actor, { areaId: await areaId(step.area), name: step.name, koladaOuId: step.koladaOuId ?? "" }, tx, today)); break;
        case "update-unit": check(await updateUnit(actor, { unitId: step.unitId, areaId: step.areaId, name: step.name, koladaOuId: step.koladaOuId ?? "" }, tx)); break;
        case "close-unit": check(await closeUnit(actor, { unitId: step.unitId, closedOn: step.closedOn }, tx, today)); break;
        case "reopen-unit": check(await reopenUnit(actor, { unitId: step.unitId }, tx, today)); break;
      }
    }
    // Users and roles, possibly thousands: set-based through the same checks as the user form (lib/users/mutations.ts).
    const users = plan.steps.flatMap((step) => (step.kind === "user" ? [{ name: step.name, email: step.email, password: "" }] : []));
    if (users.length > 0) check(await createUsers(actor, users, tx));
    const roles = plan.steps.flatMap((step) => (step.kind === "role" ? [step] : []));
    if (roles.length > 0) {
      const userIds = new Map<string, string>();
      for (const part of chunks([...new Set(roles.map((r) => r.email))], LOOKUP_BATCH)) {
        await yieldToEventLoop();
        for (const user of await tx.user.findMany({ where: { email: { in: part } }, select: { id: true, email: true } })) userIds.set(user.email, user.id);
      }
      const unitIds = new Map((await tx.unit.findMany({ where: { area: { organisationId } }, select: { id: true, name: true, area: { select: { name: true } } } })).map((u) => [key(u.area.name, u.name), u.id]));
      // A unit that vanished since the plan gives no id: the role's own check refuses it ("finns inte").
      check(await assignRoles(actor, roles.map((r) => ({ userId: userIds.get(r.email) ?? "", role: r.role, unitId: r.unit ? (unitIds.get(key(r.unit.area, r.unit.name)) ?? "-") : WHOLE_VERKSAMHET })), tx));
    }
    await writeAudit(tx, { actorId: actor.id, action: "organisation.import", entityType: "Organisation", entityId: organisationId, after: { created: plan.created.length, changed: plan.changed.length, closed: plan.closed.length } });
    const parts = [plural(plan.created.length, "sak skapad", "saker skapade"), plural(plan.changed.length, "ändrad", "ändrade"), plural(plan.closed.length, "enhet stängd", "enheter stängda")];
    return { ok: true as const, message: `Importen är klar: ${parts.join(", ")}.`, plan };
  });
}

/** The answer of the workbook form: the preview (or the result) in words, and the preview's fingerprint for the write. */
export type WorkbookState = { ok: boolean; message: string; errors?: Record<string, string[]>; details?: string[]; preview?: { created: string[]; changed: string[]; closed: string[] }; fingerprint?: string; done?: boolean } | null;

/**
 * The workbook form: "preview" plans the file and says what would change; "import" plans it again and writes it, if
 * the plan is still the one previewed.
 */
export async function importOrganisationFile(actor: Actor, input: { bytes: Uint8Array; intent: string; previewed: string }, today: Date, db: DbClient = getDb()): Promise<WorkbookState> {
  const organisationId = homeOrganisationFor(actor, "organisation:manage");
  if (!organisationId) return { ok: false, message: "Du får inte ändra verksamhetens organisation." };
  if (input.intent !== "preview" && input.intent !== "import") return { ok: false, message: "Okänd åtgärd." };
  const read = await readOrganisationFile(input.bytes);
  if (!read.ok) return { ok: false, message: read.message, errors: { file: [read.message] } };
  if (input.intent === "preview") {
    const plan = await planImport(organisationId, read.rows, today, db);
    if (!("steps" in plan)) return plan;
    const preview = { created: plan.created, changed: plan.changed, closed: plan.closed };
    if (plan.steps.length === 0) return { ok: true, message: "Inget att ändra: organisationen är redan som i filen.", preview };
    const counts = `${plan.created.length} skapas, ${plan.changed.length} ändras och ${plural(plan.closed.length, "enhet", "enheter")} stängs`;
    return { ok: true, message: `Förhandsgranskning: ${counts}. Inget är sparat ännu. Kontrollera listan och välj Importera.`, preview, fingerprint: plan.fingerprint };
  }
  const result = await applyImport(actor, read.rows, input.previewed, today, db);
  if (!result.ok) return result;
  return { ok: true, message: result.message, preview: { created: result.plan.created, changed: result.plan.changed, closed: result.plan.closed }, done: true };
}
