import { writeAudit } from "../../lib/audit/index.ts";
import { utcDate } from "../../lib/dates/cycle.ts";
import type { DbClient } from "../../lib/db/index.ts";
import type { ImprovementStatus } from "../../lib/db/generated/enums.ts";
import { MIN_RESPONDENTS } from "../../lib/results/schemas.ts";

/**
 * The question areas of Socialstyrelsen's survey "Vad tycker de äldre om äldreomsorgen?" used as indicators.
 * Only helhetssyn has a verified Kolada KPI (U21468); the others are mapped when an id has been checked.
 * `riket` is a plausible national level for the demo, not official statistics.
 */
export const SEED_INDICATORS = [
  { key: "helhetssyn", name: "Helhetssyn", koladaKpi: "U21468", riket: 87, description: "Andel som är mycket eller ganska nöjda med hemtjänsten som helhet." },
  { key: "trygghet", name: "Trygghet", riket: 86, description: "Andel som känner sig mycket eller ganska trygga med att bo hemma med stöd från hemtjänsten." },
  { key: "bemotande", name: "Bemötande", riket: 96, description: "Andel som tycker att personalen alltid eller oftast bemöter dem på ett bra sätt." },
  { key: "fortroende", name: "Förtroende", riket: 84, description: "Andel som känner förtroende för all eller de flesta av personalen." },
  { key: "inflytande", name: "Inflytande", riket: 83, description: "Andel som tycker att personalen alltid eller oftast tar hänsyn till deras åsikter och önskemål." },
  { key: "tillganglighet", name: "Tillgänglighet", riket: 72, description: "Andel som tycker att det är lätt att få kontakt med hemtjänstpersonalen vid behov." },
  { key: "tid", name: "Tillräckligt med tid", riket: 78, description: "Andel som tycker att personalen alltid eller oftast har tillräckligt med tid för att utföra sitt arbete." },
  { key: "information", name: "Information om tillfälliga förändringar", riket: 60, description: "Andel som alltid eller oftast får information om tillfälliga förändringar, t.ex. ny personal eller ändrad tid." },
  { key: "sociala-aktiviteter", name: "Sociala aktiviteter", riket: 55, description: "Andel som är nöjda med möjligheterna att delta i sociala aktiviteter." },
  { key: "krankt-bemotande", name: "Kränkt bemötande", riket: 7, higherIsBetter: false, description: "Andel som upplevt att personalen bemött dem på ett sätt som de upplevt som kränkande. Lägre är bättre." },
] as const;

// Where the demo verksamhet is weak across most units: these show up as "gemensamma nämnare".
const COMMON_WEAK = new Set(["tid", "information"]);

function fraction(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}
const clamp = (v: number) => Math.round(Math.min(100, Math.max(0, v)) * 10) / 10;

/** Respondents per unit and year; two small units fall below the 7-answer limit in one year each. */
function respondentsOf(unit: string, year: number): number {
  if (unit === "Kastanjen" && year % 2 === 1) return 5;
  if (unit === "Björkliden" && year % 2 === 0) return 6;
  return 18 + Math.floor(fraction(`${unit}:${year}:n`) * 40);
}

async function seedIndicators(tx: DbClient, organisationId: string) {
  const ids = new Map<string, string>();
  for (const [position, i] of SEED_INDICATORS.entries()) {
    const fields = { name: i.name, description: i.description, koladaKpi: "koladaKpi" in i ? i.koladaKpi : null, higherIsBetter: "higherIsBetter" in i ? i.higherIsBetter : true, position };
    const row = await tx.indicator.upsert({ where: { organisationId_key: { organisationId, key: i.key } }, create: { organisationId, key: i.key, ...fields }, update: {} });
    ids.set(i.key, row.id);
  }
  return ids;
}

async function seedValues(tx: DbClient, organisationId: string, indicatorIds: Map<string, string>, unitIds: Map<string, string>, years: number[]) {
  if ((await tx.surveyResult.count({ where: { indicator: { organisationId } } })) > 0) return 0;
  const batch = await tx.resultImport.create({ data: { organisationId, fileName: "demodata", format: "demo", rowCount: 0 } });
  const data = [];
  for (const year of years) {
    for (const i of SEED_INDICATORS) {
      const indicatorId = indicatorIds.get(i.key)!;
      const sign = "higherIsBetter" in i ? -1 : 1;
      const riket = clamp(i.riket + (year % 2 === 0 ? 0.4 : -0.3) * sign);
      const kommun = clamp(riket + (fraction(`${i.key}:${year}:k`) * 4 - 1.5));
      const base = { indicatorId, year, importId: batch.id };
      data.push({ ...base, level: "RIKET" as const, unitId: null, levelKey: "RIKET", value: riket, respondents: null, responseRate: 56 });
      data.push({ ...base, level: "KOMMUN" as const, unitId: null, levelKey: "KOMMUN", value: kommun, respondents: 1450 + (year % 7) * 12, responseRate: 58 });
      for (const [unit, unitId] of unitIds) {
        const n = respondentsOf(unit, year);
        // Most units a little above the kommun, the common weak points clearly below it.
        const spread = fraction(`${unit}:${i.key}:${year}`) * 10 - 4;
        const offset = (COMMON_WEAK.has(i.key) ? spread - 5 : spread) * ("higherIsBetter" in i ? -0.4 : 1);
        data.push({ ...base, level: "UNIT" as const, unitId, levelKey: unitId, value: n < MIN_RESPONDENTS ? null : Math.min(99, clamp(kommun + offset)), respondents: n, responseRate: clamp(45 + fraction(`${unit}:${year}:r`) * 20) });
      }
    }
  }
  await tx.surveyResult.createMany({ data });
  await tx.resultImport.update({ where: { id: batch.id }, data: { rowCount: data.length } });
  await writeAudit(tx, { actorId: null, action: "results.import", entityType: "ResultImport", entityId: batch.id, after: { fileName: "demodata", rows: data.length, years } });
  return data.length;
}

type DemoAction = { cycleYear: number; unit: string | null; indicator: string; title: string; owner: string; dueOn: Date; status: ImprovementStatus; note?: string };

function demoActions(year: number): DemoAction[] {
  return [
    { cycleYear: year - 1, unit: "Lärkan", indicator: "information", title: "Kontaktpersonen ringer vid ändrad tid eller ny personal", owner: "Enhetschef Lärkan", dueOn: utcDate(year, 3, 31), status: "DONE", note: "Rutinen infördes i januari och följs upp på APT varje månad." },
    { cycleYear: year, unit: "Tallbacken", indicator: "tid", title: "Se över planeringen så att besöken får tillräckligt med tid", owner: "Enhetschef Tallbacken", dueOn: utcDate(year, 12, 18), status: "IN_PROGRESS" },
    { cycleYear: year, unit: null, indicator: "sociala-aktiviteter", title: "Gemensamma aktiviteter tillsammans med träffpunkterna", owner: "Verksamhetsutvecklare", dueOn: utcDate(year, 12, 15), status: "PLANNED" },
  ];
}

/** Indicators, demo results for the two years before `year` and a few improvement actions. Idempotent. */
export async function seedResults(tx: DbClient, organisationId: string, unitIds: Map<string, string>, year: number) {
  const indicatorIds = await seedIndicators(tx, organisationId);
  const created = await seedValues(tx, organisationId, indicatorIds, unitIds, [year - 2, year - 1]);
  for (const a of demoActions(year)) {
    const cycle = await tx.cycle.findUnique({ where: { organisationId_year: { organisationId, year: a.cycleYear } } });
    if (!cycle || (await tx.improvementAction.findFirst({ where: { cycleId: cycle.id, title: a.title } }))) continue;
    const action = await tx.improvementAction.create({
      data: { organisationId, cycleId: cycle.id, unitId: a.unit ? unitIds.get(a.unit)! : null, indicatorId: indicatorIds.get(a.indicator)!, title: a.title, ownerName: a.owner, dueOn: a.dueOn, status: a.status },
    });
    if (a.note) await tx.improvementNote.create({ data: { actionId: action.id, text: a.note, at: utcDate(year, 2, 16) } });
  }
  return created;
}
