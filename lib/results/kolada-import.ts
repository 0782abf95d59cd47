import "server-only";
import { createHash } from "node:crypto";
import { getDb, type DbClient } from "../db/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { getEnv } from "../env.ts";
import type { Failure, Result } from "../forms.ts";
import type { ParsedResult } from "./import.ts";
import { fetchKolada, readKoladaAnswer, type KoladaContext } from "./kolada.ts";
import { countReplaced, importOrganisationOf, writeResults, type ImportWritten } from "./mutations.ts";
import { activeUnitWhere } from "../active-units.ts";

/** How a Kolada import is stored and shown: the format beside "mall" and "kolada" (Kolada's CSV export). */
export const KOLADA_API_FORMAT = "kolada-api";
export const KOLADA_SOURCE_LABEL = "Källa: Kolada";
const NOT_ALLOWED = "Du har inte behörighet att importera resultat.";

/** Test and proxy settings of the fetch; the base address defaults to KOLADA_BASE_URL. */
export type KoladaRunOptions = { baseUrl?: string; timeoutMs?: number; maxPages?: number };
export type KoladaPreview = { ok: true; digest: string; rows: ParsedResult[]; replaced: number; notes: string[]; year: number };

async function koladaContext(db: DbClient, organisationId: string, year: number): Promise<(KoladaContext & { organisationId: string; organisationName: string }) | Failure> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId } });
  if (!organisation) return { ok: false, message: NOT_ALLOWED };
  const [indicators, units] = await Promise.all([
    db.indicator.findMany({ where: { organisationId, koladaKpi: { not: null } }, orderBy: { position: "asc" }, select: { id: true, name: true, koladaKpi: true } }),
    db.unit.findMany({ where: { ...activeUnitWhere(organisationId), koladaOuId: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true, koladaOuId: true } }),
  ]);
  if (!organisation.koladaMunicipalityId) {
    return { ok: false, message: "Kommunens id i Kolada är inte angivet. Ange det under ”Inställningar för Kolada” och försök igen." };
  }
  if (indicators.length === 0) return { ok: false, message: "Ingen indikator är kopplad till ett nyckeltal i Kolada. Koppla en indikator och försök igen." };
  return { organisationId, organisationName: organisation.name, year, municipalityId: organisation.koladaMunicipalityId, indicators, units };
}

/** Fetches and checks a year's values for an organisation: the shared first half of the preview, the confirm and the job. */
async function fetchChecked(db: DbClient, organisationId: string, year: number, options: KoladaRunOptions) {
  const ctx = await koladaContext(db, organisationId, year);
  if ("ok" in ctx) return ctx;
  const fetched = await fetchKolada(
    { year, municipalityId: ctx.municipalityId, kpis: ctx.indicators.map((i) => i.koladaKpi!), ouIds: ctx.units.map((u) => u.koladaOuId!) },
    { baseUrl: options.baseUrl ?? getEnv().KOLADA_BASE_URL, timeoutMs: options.timeoutMs, maxPages: options.maxPages },
  );
  if (!fetched.ok) return fetched;
  const read = readKoladaAnswer(fetched.answer, ctx);
  if (!read.ok) return read;
  return { ok: true as const, ctx, rows: read.rows, notes: read.notes };
}

/** What the preview showed, so that the confirm writes only the same values (Kolada may have changed in between). */
export function digestOfRows(rows: ParsedResult[]): string {
  const canonical = rows.map((r) => [r.indicatorId, r.year, r.levelKey, r.value]).sort((a, b) => String(a).localeCompare(String(b)));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

const yearFailure = (year: number): Failure | null =>
  Number.isInteger(year) && year >= 2000 && year <= 2100 ? null : { ok: false, message: "Ange året med fyra siffror, t.ex. 2025.", errors: { year: ["Ange året med fyra siffror, t.ex. 2025."] } };

/** Fetches the year from Kolada and says what an import would do, as the file import's preview does; writes nothing. */
export async function previewKoladaImport(actor: Actor, year: number, db: DbClient = getDb(), options: KoladaRunOptions = {}): Promise<KoladaPreview | Failure> {
  const organisationId = importOrganisationOf(actor);
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  const bad = yearFailure(year);
  if (bad) return bad;
  const checked = await fetchChecked(db, organisationId, year, options);
  if (!checked.ok) return checked;
  return { ok: true, digest: digestOfRows(checked.rows), rows: checked.rows, replaced: await countReplaced(db, checked.rows), notes: checked.notes, year };
}

/** Fetches again and writes, all or nothing, if Kolada still answers what the preview showed. */
export async function importFromKolada(actor: Actor, input: { year: number; digest: string }, db: DbClient = getDb(), options: KoladaRunOptions = {}): Promise<Result<ImportWritten>> {
  const organisationId = importOrganisationOf(actor);
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  const bad = yearFailure(input.year);
  if (bad) return bad;
  const checked = await fetchChecked(db, organisationId, input.year, options);
  if (!checked.ok) return checked;
  if (digestOfRows(checked.rows) !== input.digest) {
    return { ok: false, message: "Koladas värden har ändrats sedan förhandsgranskningen. Inget har importerats; hämta och förhandsgranska igen." };
  }
  return writeResults(db, { organisationId, importedById: actor.id, fileName: `Kolada ${input.year}`, format: KOLADA_API_FORMAT, source: "kolada", rows: checked.rows });
}

export type KoladaJobResult = { organisationName: string; outcome: Result<ImportWritten & { notes: string[] }> };

/**
 * The scheduled job (`npm run kolada -- --year 2025`): for every verksamhet with a Kolada municipality id, fetches
 * and writes directly, all or nothing per verksamhet, with no user (the audit entry has no actor).
 */
export async function runKoladaJob(year: number, db: DbClient = getDb(), options: KoladaRunOptions = {}): Promise<KoladaJobResult[] | Failure> {
  const bad = yearFailure(year);
  if (bad) return bad;
  const organisations = await db.organisation.findMany({ where: { koladaMunicipalityId: { not: null } }, orderBy: { name: "asc" } });
  if (organisations.length === 0) return { ok: false, message: "Ingen verksamhet har kommunens id i Kolada angivet (Resultat → Importera → Inställningar för Kolada)." };
  const results: KoladaJobResult[] = [];
  for (const organisation of organisations) {
    const checked = await fetchChecked(db, organisation.id, year, options);
    if (!checked.ok) {
      results.push({ organisationName: organisation.name, outcome: checked });
      continue;
    }
    const written = await writeResults(db, { organisationId: organisation.id, importedById: null, fileName: `Kolada ${year}`, format: KOLADA_API_FORMAT, source: "kolada", rows: checked.rows });
    results.push({ organisationName: organisation.name, outcome: written.ok ? { ...written, notes: checked.notes } : written });
  }
  return results;
}
