/**
 * Kolada's open API, v3: fetches a year's values of the mapped KPIs for the kommun, riket (0000) and the units'
 * organisational units (OU), and reads the answer into the rows that the file import previews and writes
 * (lib/results/mutations.ts). No database and no environment here: the caller passes the base address.
 *
 * What this relies on (issue 23 and docs/DOMAIN's facts; the paths as v3 clients call them, e.g.
 * `/v3/oudata/kpi/{kpi}/ou/{ids}/year/{years}` and `/v3/ou/{ids}`, and Kolada's own v2 documentation for the rest):
 * - GET {base}/data/kpi/{kpis}/municipality/{ids}/year/{years} and GET {base}/oudata/kpi/{kpis}/ou/{ids}/year/{years};
 *   ids comma-separated, at most 25 per path segment; `?per_page=5000`, the largest page.
 * - GET {base}/ou/{ids}: each OU's metadata `{ id, title, municipality }`, which tells a mistyped OU id.
 * - Every answer is an envelope `{ "values": [...], "count": n, "next_url": "<absolute address>" }`, next_url missing,
 *   null or "" on the last page (v2 called it next_page; both are followed).
 * - A data row: `{ kpi, municipality | ou, period: 2024 | "2024", isdeleted?, values: [{ gender: "T"|"K"|"M", count,
 *   status, value: 85.0 | null }] }`. A row with isdeleted is ignored, value null means no value, only gender T is read.
 */
import { z } from "zod";
import { plural } from "../plural.ts";
import type { ParsedResult } from "./import.ts";
import { KOLADA_RIKET } from "./schemas.ts";

export const KOLADA_DEFAULT_BASE_URL = "https://api.kolada.se/v3";
/** Kolada refuses more ids than this in one path segment. */
export const MAX_IDS_PER_SEGMENT = 25;
export const PER_PAGE = 5000;
/** Pages followed for one query before the answer counts as endless (5000 rows a page: far more than a kommun has). */
export const MAX_PAGES = 20;
export const DEFAULT_TIMEOUT_MS = 30_000;

const NOTHING = "Inget har importerats.";
const MAX_LISTED_ERRORS = 30;

export type KoladaFailure = { ok: false; message: string; details?: string[] };
export type KoladaOptions = { baseUrl: string; timeoutMs?: number; maxPages?: number };
export type KoladaQuery = { year: number; municipalityId: string; kpis: string[]; ouIds: string[] };
/** What Kolada answered, unread: the rows of the municipality and OU queries and the OUs' metadata. */
export type KoladaAnswer = { municipalityRows: unknown[]; ouRows: unknown[]; ous: unknown[] };

/** Splits ids into path segments of at most 25. */
export function segments(ids: string[], size = MAX_IDS_PER_SEGMENT): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size).map(encodeURIComponent).join(","));
  return out;
}

/** Every address a query needs: data per KPI segment for kommun and riket, per OU segment, and the OUs' metadata. */
export function koladaUrls(query: KoladaQuery, baseUrl: string): { municipality: string[]; ou: string[]; ouMeta: string[] } {
  const base = baseUrl.replace(/\/+$/, "");
  const page = `?per_page=${PER_PAGE}`;
  const kpiSegments = segments(query.kpis);
  const ouSegments = segments(query.ouIds);
  return {
    municipality: kpiSegments.map((k) => `${base}/data/kpi/${k}/municipality/${segments([query.municipalityId, KOLADA_RIKET])[0]}/year/${query.year}${page}`),
    ou: kpiSegments.flatMap((k) => ouSegments.map((o) => `${base}/oudata/kpi/${k}/ou/${o}/year/${query.year}${page}`)),
    ouMeta: ouSegments.map((o) => `${base}/ou/${o}${page}`),
  };
}

const envelopeSchema = z.object({
  values: z.array(z.unknown()),
  next_url: z.string().nullish(),
  next_page: z.string().nullish(),
});

class KoladaRefusal extends Error {}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * The address of the next page. A proxy (KOLADA_BASE_URL) passes on Kolada's own next_url, which names
 * api.kolada.se: its part after /v3 is put on the configured base, so the next page goes through the proxy too.
 */
function nextAddress(next: string, current: string, baseUrl: string): string {
  const url = new URL(next, current);
  const base = new URL(baseUrl);
  if (url.origin === base.origin) return url.href;
  const v3 = url.pathname.indexOf("/v3/");
  if (v3 < 0) throw new KoladaRefusal(`Koladas svar pekade vidare till en okänd adress (${url.host}). ${NOTHING}`);
  return `${baseUrl.replace(/\/+$/, "")}${url.pathname.slice(v3 + 3)}${url.search}`;
}

function describeHttp(status: number, host: string): string {
  if (status === 429) return `Kolada tar just nu emot för många frågor (HTTP 429). ${NOTHING} Vänta en stund och försök igen.`;
  if (status >= 500) return `Kolada svarade med ett serverfel (HTTP ${status}). ${NOTHING} Försök igen senare.`;
  return `Kolada (${host}) svarade med HTTP ${status}. ${NOTHING} Kontrollera KOLADA_BASE_URL.`;
}

/** fetch's own failure to connect (refused, no route, unknown host, reset): a TypeError with the socket error as cause. */
const isNetworkFailure = (error: unknown) => error instanceof TypeError && error.cause !== undefined;
const isTimeout = (error: unknown) => error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");

/** Fetches one query with all its pages; any failed page fails the whole query. */
async function fetchAllPages(first: string, options: Required<KoladaOptions>): Promise<unknown[]> {
  const host = hostOf(options.baseUrl);
  const seconds = Math.max(1, Math.round(options.timeoutMs / 1000));
  const values: unknown[] = [];
  const seen = new Set<string>();
  let next: string | null = first;
  while (next) {
    if (seen.size >= options.maxPages || seen.has(next)) {
      throw new KoladaRefusal(`Koladas svar tog aldrig slut: efter ${plural(seen.size, "sida", "sidor")} pekade det fortfarande vidare till en sida till. ${NOTHING}`);
    }
    seen.add(next);
    let body: unknown;
    try {
      const response = await fetch(next, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: "application/json" } });
      if (!response.ok) {
        await response.body?.cancel();
        throw new KoladaRefusal(describeHttp(response.status, host));
      }
      const text = await response.text();
      try {
        body = JSON.parse(text);
      } catch {
        throw new KoladaRefusal(`Koladas svar kunde inte läsas: det var inte JSON. ${NOTHING}`);
      }
    } catch (error) {
      if (error instanceof KoladaRefusal) throw error;
      if (isTimeout(error)) throw new KoladaRefusal(`Kolada svarade inte inom ${plural(seconds, "sekund", "sekunder")}. ${NOTHING} Försök igen senare.`);
      if (!isNetworkFailure(error)) throw error;
      throw new KoladaRefusal(`Kolada kunde inte nås (${host}): servern har ingen förbindelse dit. ${NOTHING} Kontrollera nätverket eller KOLADA_BASE_URL.`);
    }
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) throw new KoladaRefusal(`Koladas svar hade inte det väntade formatet (listan ”values” saknas). ${NOTHING}`);
    values.push(...envelope.data.values);
    const link = envelope.data.next_url || envelope.data.next_page;
    next = link ? nextAddress(link, next, options.baseUrl) : null;
  }
  return values;
}

/** Fetches everything a query needs, one request at a time (gentle on Kolada's rate limit); all or a failure. */
export async function fetchKolada(query: KoladaQuery, options: KoladaOptions): Promise<{ ok: true; answer: KoladaAnswer } | KoladaFailure> {
  const all: Required<KoladaOptions> = { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxPages: options.maxPages ?? MAX_PAGES };
  const urls = koladaUrls(query, all.baseUrl);
  const answer: KoladaAnswer = { municipalityRows: [], ouRows: [], ous: [] };
  try {
    for (const url of urls.municipality) answer.municipalityRows.push(...(await fetchAllPages(url, all)));
    for (const url of urls.ouMeta) answer.ous.push(...(await fetchAllPages(url, all)));
    for (const url of urls.ou) answer.ouRows.push(...(await fetchAllPages(url, all)));
  } catch (error) {
    if (error instanceof KoladaRefusal) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, answer };
}

const deleted = z.union([z.boolean(), z.number(), z.string()]).optional().transform((v) => v === true || v === 1 || v === "true" || v === "1");
const rowSchema = z.object({
  kpi: z.string(),
  municipality: z.string().optional(),
  ou: z.string().optional(),
  period: z.union([z.number(), z.string()]),
  isdeleted: deleted,
  values: z.array(z.object({ gender: z.string().optional(), value: z.number().nullable().optional(), isdeleted: deleted })),
});
const ouSchema = z.object({ id: z.string(), title: z.string().optional(), municipality: z.string().optional() });

/** What the answer is read against: the year asked for, the kommun, and the mapped indicators and units. */
export type KoladaContext = {
  year: number;
  municipalityId: string;
  indicators: { id: string; name: string; koladaKpi: string | null }[];
  units: { id: string; name: string; koladaOuId: string | null }[];
};

function failure(errors: string[]): KoladaFailure {
  const shown = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - shown.length;
  return {
    ok: false,
    message: `Koladas svar innehåller ${errors.length === 1 ? "ett fel" : `${errors.length} fel`}. ${NOTHING}`,
    details: more > 0 ? [...shown, `… och ${more} fel till.`] : shown,
  };
}

const listed = (names: string[], max = 5) => (names.length > max ? `${names.slice(0, max).join(", ")} med flera` : names.join(", "));

/**
 * Reads Kolada's answer into result rows, or into Swedish errors naming the answer's row. Any error, an unknown OU
 * among the mapped ones, or an answer without a single value means nothing is imported.
 */
export function readKoladaAnswer(answer: KoladaAnswer, ctx: KoladaContext): { ok: true; rows: ParsedResult[]; notes: string[] } | KoladaFailure {
  const byKpi = new Map(ctx.indicators.filter((i) => i.koladaKpi).map((i) => [i.koladaKpi!.toUpperCase(), i]));
  const byOu = new Map(ctx.units.filter((u) => u.koladaOuId).map((u) => [u.koladaOuId!.toUpperCase(), u]));
  const errors: string[] = [];

  const known = new Map<string, z.infer<typeof ouSchema>>();
  for (const raw of answer.ous) {
    const ou = ouSchema.safeParse(raw);
    if (ou.success) known.set(ou.data.id.toUpperCase(), ou.data);
  }
  for (const [id, unit] of byOu) {
    const ou = known.get(id);
    if (!ou) errors.push(`Kolada känner inte till enhets-id ”${id}” (${unit.name}). Kontrollera id:t under ”Inställningar för Kolada”.`);
    else if (ou.municipality && ou.municipality !== ctx.municipalityId) {
      errors.push(`Enhets-id ”${id}” (${unit.name}) hör till kommun ${ou.municipality} i Kolada, inte till ${ctx.municipalityId}.`);
    }
  }

  const rows: ParsedResult[] = [];
  const seen = new Map<string, ParsedResult>();
  let skippedDeleted = 0;
  const withoutValue: string[] = [];
  const answered = new Set<string>();
  const all = [...answer.municipalityRows.map((r) => ({ r, ou: false })), ...answer.ouRows.map((r) => ({ r, ou: true }))];
  all.forEach(({ r, ou }, index) => {
    const line = index + 1;
    const parsed = rowSchema.safeParse(r);
    if (!parsed.success) return void errors.push(`Rad ${line} i Koladas svar har inte det väntade formatet.`);
    const row = parsed.data;
    if (row.isdeleted) return void skippedDeleted++;
    const kpi = row.kpi.toUpperCase();
    const indicator = byKpi.get(kpi);
    if (!indicator) errors.push(`Rad ${line}: nyckeltalet ”${row.kpi}” är inte kopplat till någon indikator. Kopplade: ${[...byKpi.keys()].join(", ") || "inga"}.`);
    const period = String(row.period).trim();
    if (period !== String(ctx.year)) errors.push(`Rad ${line}: perioden ”${period}” är inte det efterfrågade året ${ctx.year}.`);
    let place: Pick<ParsedResult, "level" | "unitId" | "levelKey" | "placeName"> | null = null;
    if (ou) {
      const id = (row.ou ?? "").toUpperCase();
      const unit = byOu.get(id);
      if (unit) place = { level: "UNIT", unitId: unit.id, levelKey: unit.id, placeName: unit.name };
      else errors.push(`Rad ${line}: enhets-id ”${row.ou ?? ""}” är inte kopplat till någon enhet i Årshjulet.`);
    } else if (row.municipality === KOLADA_RIKET) place = { level: "RIKET", unitId: null, levelKey: "RIKET", placeName: "Riket" };
    else if (row.municipality === ctx.municipalityId) place = { level: "KOMMUN", unitId: null, levelKey: "KOMMUN", placeName: `Kommunen (${ctx.municipalityId})` };
    else errors.push(`Rad ${line}: kommunen ”${row.municipality ?? ""}” efterfrågades inte (bara ${ctx.municipalityId} och riket ${KOLADA_RIKET}).`);
    if (!indicator || !place || period !== String(ctx.year)) return;
    answered.add(place.levelKey);
    const total = row.values.find((v) => (v.gender ?? "").toUpperCase() === "T" && !v.isdeleted);
    const value = total?.value ?? null;
    if (value === null) return void withoutValue.push(`${indicator.name} för ${place.placeName}`);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      return void errors.push(`Rad ${line}: värdet ${String(value).replace(".", ",")} för ${indicator.name}, ${place.placeName} ligger utanför 0–100.`);
    }
    const result: ParsedResult = { line, indicatorId: indicator.id, indicatorName: indicator.name, year: ctx.year, ...place, value, respondents: null, responseRate: null };
    const key = `${result.indicatorId}|${result.levelKey}`;
    const first = seen.get(key);
    if (first) return void errors.push(`Rad ${line} är en dubblett av rad ${first.line} (${indicator.name}, ${place.placeName}, ${ctx.year}).`);
    seen.set(key, result);
    rows.push(result);
  });

  if (errors.length > 0) return failure(errors);
  if (rows.length === 0) {
    return {
      ok: false,
      message: `Kolada har inga värden för ${ctx.year} för nyckeltalen ${[...byKpi.keys()].join(", ")} (kommunen, riket eller de kopplade enheterna). ${NOTHING}`,
    };
  }
  const notes: string[] = [];
  const silent = [...byOu.values()].filter((u) => !answered.has(u.id)).map((u) => u.name);
  if (silent.length > 0) notes.push(`Kolada har inga värden för ${ctx.year} för ${plural(silent.length, "kopplad enhet", "kopplade enheter")}: ${listed(silent)}.`);
  if (withoutValue.length > 0) notes.push(`${plural(withoutValue.length, "värde", "värden")} saknas i Kolada och hoppas över: ${listed(withoutValue)}.`);
  if (skippedDeleted > 0) notes.push(`${plural(skippedDeleted, "rad", "rader")} som Kolada har markerat som ${skippedDeleted === 1 ? "borttagen" : "borttagna"} hoppas över.`);
  return { ok: true, rows, notes };
}

/**
 * The year the fetch form proposes: Socialstyrelsen's survey results reach Kolada in the autumn (late September or
 * October), so from October the year's own values, before that the previous year's.
 */
export function defaultKoladaYear(today: Date): number {
  return today.getUTCMonth() >= 9 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}
