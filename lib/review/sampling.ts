/**
 * The reproducible random draw of the quality review. Pure: the same cases, size and seed always give the same
 * sample, so a stored seed lets anyone repeat and audit the draw. tests/unit/review-sampling.test.ts covers it.
 */
import { containsIdentityNumber } from "../personal-data.ts";

export type SamplingCase = {
  id: string;
  caseRef: string;
  areaId: string;
  onlySafetyAlarm: boolean;
  recentlyClosed: boolean;
  dementiaDiagnosis: boolean;
  relativeEmployed: boolean;
};

/** The routine's exclusion rules, in the order their reasons are written. */
export const EXCLUSION_RULES: { field: keyof SamplingCase; reason: string }[] = [
  { field: "dementiaDiagnosis", reason: "Demensdiagnos" },
  { field: "relativeEmployed", reason: "Anhöriganställning" },
  { field: "onlySafetyAlarm", reason: "Enbart trygghetslarm" },
  { field: "recentlyClosed", reason: "Nyligen avslutat ärende" },
];

/** Why a case may not be reviewed ("Demensdiagnos, Enbart trygghetslarm"), or null when it may. */
export function exclusionReason(c: SamplingCase): string | null {
  const reasons = EXCLUSION_RULES.filter((r) => c[r.field] === true).map((r) => r.reason);
  return reasons.length > 0 ? reasons.join(", ") : null;
}

/** A 32-bit hash of a string (cyrb53's mixing, folded to 32 bits): turns a seed text into a generator state. */
export function hashSeed(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: a small, well-known seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byCaseRef = (a: { caseRef: string }, b: { caseRef: string }) => (a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : 0);

export type Draw = {
  excluded: { id: string; reason: string }[];
  /** Per area, every eligible case in draw order; the first `size` are the sample, the rest are replacements. */
  order: Map<string, string[]>;
  sampled: string[];
  /** Areas with fewer eligible cases than the sample size, with how many they have. */
  short: { areaId: string; eligible: number }[];
};

/**
 * Draws the sample: excludes by the rules, then shuffles each area's eligible cases (sorted by case reference
 * first, so import order does not matter) with a generator seeded by the seed and the area, Fisher–Yates.
import { containsIdentityNumber } from "../personal-data.ts";
 * `areaIds` are the organisation's areas: one with no case in the list is short (0 eligible), not left out.
 */
export function drawSample(cases: SamplingCase[], sizePerArea: number, seed: string, areaIds: string[] = []): Draw {
  const excluded: Draw["excluded"] = [];
  const eligible = new Map<string, SamplingCase[]>();
  for (const c of cases) {
    const reason = exclusionReason(c);
    if (reason) excluded.push({ id: c.id, reason });
    else if (eligible.has(c.areaId)) eligible.get(c.areaId)!.push(c);
    else eligible.set(c.areaId, [c]);
  }
  const allAreaIds = [...new Set([...areaIds, ...cases.map((c) => c.areaId)])].sort();
  const order = new Map<string, string[]>();
  const short: Draw["short"] = [];
  for (const areaId of allAreaIds) {
    const pool = [...(eligible.get(areaId) ?? [])].sort(byCaseRef);
    const random = mulberry32(hashSeed(`${seed}:${areaId}`));
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    order.set(areaId, pool.map((c) => c.id));
    if (pool.length < sizePerArea) short.push({ areaId, eligible: pool.length });
  }
  const sampled = [...order.values()].flatMap((ids) => ids.slice(0, sizePerArea));
  return { excluded, order, sampled, short };
}

export type DrawnCase = { id: string; areaId: string; state: "POOL" | "EXCLUDED" | "SAMPLED" | "DECLINED"; drawRank: number | null };

/** The replacement for a declined case: the next case in the same area's draw order that is not yet used. */
export function nextReplacement(cases: DrawnCase[], declined: { areaId: string }): DrawnCase | null {
  const candidates = cases.filter((c) => c.areaId === declined.areaId && c.state === "POOL" && c.drawRank !== null);
  return candidates.sort((a, b) => a.drawRank! - b.drawRank!)[0] ?? null;
}

/** A new random seed: 16 hex characters from the platform's secure generator. */
export function newSeed(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  const seed = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  // A random hex run can look like a personnummer, and a seed is shown, stored and typed back in: draw another.
  return containsIdentityNumber(seed) ? newSeed() : seed;
}
