import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { inTransaction, isUniqueViolation } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { slugify } from "../slug.ts";
import { fieldErrorsOf, type Failure } from "../forms.ts";
import { resultScopeFor } from "./scope.ts";
import { indicatorSchema } from "./schemas.ts";

const fields = (i: { key: string; name: string; description: string | null; koladaKpi: string | null; higherIsBetter: boolean }) => ({
  key: i.key, name: i.name, description: i.description, koladaKpi: i.koladaKpi, higherIsBetter: i.higherIsBetter,
});

/** Adds an indicator to the managed list or changes one (its key stays: result files name it). */
export async function saveIndicator(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<{ ok: true; id: string } | Failure> {
  const organisationId = resultScopeFor(actor, "results:import").wholeOrganisationIds[0];
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att ändra indikatorerna." };
  const parsed = indicatorSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Kontrollera fälten.", errors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  const run = async (tx: DbClient): Promise<{ ok: true; id: string } | Failure> => {
    const before = input.indicatorId ? await tx.indicator.findFirst({ where: { id: input.indicatorId, organisationId } }) : null;
    if (input.indicatorId && !before) return { ok: false, message: "Indikatorn finns inte längre. Ladda om sidan." };
    const key = before?.key ?? input.key ?? slugify(input.name);
    if (!before && (await tx.indicator.findFirst({ where: { organisationId, key } }))) {
      return { ok: false, message: "Kontrollera fälten.", errors: { key: [`Det finns redan en indikator med nyckeln ${key}.`] } };
    }
    if (input.koladaKpi && (await tx.indicator.findFirst({ where: { organisationId, koladaKpi: input.koladaKpi, id: { not: before?.id ?? "" } } }))) {
      return { ok: false, message: "Kontrollera fälten.", errors: { koladaKpi: [`Nyckeltalet ${input.koladaKpi} är redan kopplat till en annan indikator.`] } };
    }
    const data = { name: input.name, description: input.description, koladaKpi: input.koladaKpi, higherIsBetter: input.higherIsBetter };
    const saved = before
      ? await tx.indicator.update({ where: { id: before.id }, data })
      : await tx.indicator.create({ data: { ...data, organisationId, key, position: (await tx.indicator.count({ where: { organisationId } })) + 1 } });
    await writeAudit(tx, {
      actorId: actor.id, action: before ? "indicator.update" : "indicator.create", entityType: "Indicator", entityId: saved.id,
      before: before ? fields(before) : undefined, after: fields(saved),
    });
    return { ok: true, id: saved.id };
  };
  try {
    return await inTransaction(db, run);
  } catch (error) {
    // Another save of the same new key won the race: the unique index refuses this one.
    if (isUniqueViolation(error)) {
      return { ok: false, message: "Någon annan sparade en indikator med samma nyckel samtidigt. Ladda om sidan och kontrollera listan." };
    }
    throw error;
  }
}
