/**
 * The review summary of /kvalitetsgranskning/ÅR/sammanstallning as sheets: the key figures, the causes, the areas,
 * the answers and the earlier years. Pure; tests/unit/xlsx.test.ts opens the workbook.
 */
import type { Sheet } from "../export/xlsx.ts";
import type { ReviewSummaryReport } from "./queries.ts";
import { ANSWER_LABELS, CAUSE_LABELS } from "./schemas.ts";

const shareOf = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function reviewSummarySheets({ year, drawnAt, sampleSizePerArea, summary, earlier }: ReviewSummaryReport): Sheet[] {
  const s = summary;
  return [
    {
      name: `Sammanfattning ${year}`,
      columns: [
        { header: "Uppgift", kind: "text" },
        { header: "Antal", kind: "integer" },
        { header: "Andel av de intervjuade", kind: "percent" },
      ],
      rows: [
        ["Ärenden i ärendelistan", s.imported, null],
        ["Undantagna före dragningen", s.excluded, null],
        ...s.exclusions.map((e) => [`Undantagna: ${e.reason.toLowerCase()}`, e.count, null]),
        ["I urvalet", s.sampled, null],
        ["Ville inte medverka (ersatta)", s.declined, null],
        ["Intervjuade", s.interviewed, null],
        ["Avvikande från beställningen", s.deviations, s.deviationShare],
        ["Överlämnade till ordinarie handläggare", s.handedOver, shareOf(s.handedOver, s.interviewed)],
        ["Dokumenterade i journalen", s.documented, shareOf(s.documented, s.interviewed)],
      ],
    },
    {
      name: "Urvalet",
      columns: [
        { header: "År", kind: "integer" },
        { header: "Ärenden per område", kind: "integer" },
        { header: "Urvalet draget", kind: "datetime" },
      ],
      rows: [[year, sampleSizePerArea, drawnAt]],
    },
    {
      name: "Orsaker",
      columns: [
        { header: "Orsak", kind: "text" },
        { header: "Avvikelser", kind: "integer" },
        { header: "Andel av avvikelserna", kind: "percent" },
      ],
      rows: s.causes.map((c) => [CAUSE_LABELS[c.cause], c.count, shareOf(c.count, s.deviations)]),
    },
    {
      name: "Per område",
      columns: [
        { header: "Område", kind: "text" },
        { header: "I urvalet", kind: "integer" },
        { header: "Intervjuade", kind: "integer" },
        { header: "Avvikelser", kind: "integer" },
        { header: "Andel avvikande", kind: "percent" },
      ],
      rows: s.areas.map((a) => [a.areaName, a.sampled, a.interviewed, a.deviations, shareOf(a.deviations, a.interviewed)]),
    },
    {
      name: "Svar",
      columns: [{ header: "Fråga", kind: "text" }, ...Object.values(ANSWER_LABELS).map((label) => ({ header: label, kind: "integer" as const }))],
      rows: s.answers.map((a) => [a.label, a.counts.YES, a.counts.PARTLY, a.counts.NO]),
    },
    {
      name: "Jämfört med tidigare år",
      columns: [
        { header: "År", kind: "integer" },
        { header: "Intervjuade", kind: "integer" },
        { header: "Avvikande", kind: "integer" },
        { header: "Andel avvikande", kind: "percent" },
        ...s.causes.map((c) => ({ header: CAUSE_LABELS[c.cause], kind: "integer" as const })),
      ],
      rows: [{ year, summary }, ...earlier].map((y) => [y.year, y.summary.interviewed, y.summary.deviations, y.summary.deviationShare, ...y.summary.causes.map((c) => c.count)]),
    },
  ];
}
