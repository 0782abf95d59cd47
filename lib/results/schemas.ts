import { z } from "zod";
import { ImprovementStatus } from "../db/generated/enums.ts";
import { calendarDate } from "../dates/schemas.ts";

/** Socialstyrelsen shows no figures for a unit with fewer answers than this ("för få svar"). */
export const MIN_RESPONDENTS = 7;
export { IMPROVEMENT_STATUS_LABELS, RESULTS_UPLOAD, UNCHANGED_MARGIN, UNCHANGED_MARGIN_TEXT } from "./labels.ts";
/** Kolada's code for the whole country. */
export const KOLADA_RIKET = "0000";



const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .optional()
    .transform((v) => v || null);

const optionalId = z
  .string()
  .trim()
  .max(100, "Okänt val. Ladda om sidan.")
  .optional()
  .transform((v) => v || null);

/** A new förbättringsåtgärd; an empty unit means the whole verksamhet. */
export const improvementActionSchema = z.object({
  cycleId: z.string({ error: "Välj år." }).trim().min(1, "Välj år."),
  unitId: optionalId,
  indicatorId: optionalId,
  title: z.string({ error: "Skriv en rubrik." }).trim().min(1, "Skriv en rubrik.").max(200, "Rubriken får vara högst 200 tecken."),
  description: optionalText(2000),
  ownerName: z.string({ error: "Ange ansvarig." }).trim().min(1, "Ange ansvarig.").max(200, "Högst 200 tecken."),
  dueOn: z.string({ error: "Ange ett datum." }).trim().min(1, "Ange när åtgärden ska vara klar.").pipe(calendarDate),
  status: z.enum(ImprovementStatus, { error: "Välj en giltig status." }).default("PLANNED"),
});

/** An edit names the version it read, so two people cannot overwrite each other unnoticed. */
export const updateImprovementActionSchema = improvementActionSchema.omit({ cycleId: true, unitId: true }).extend({
  actionId: z.string().trim().min(1, "Åtgärden saknas."),
  version: z.coerce.number({ error: "Ladda om sidan." }).int("Ladda om sidan.").positive("Ladda om sidan."),
});

export const improvementNoteSchema = z.object({
  actionId: z.string().trim().min(1, "Åtgärden saknas."),
  text: z.string({ error: "Skriv en anteckning." }).trim().min(1, "Skriv en anteckning.").max(2000, "Anteckningen får vara högst 2000 tecken."),
});

export type ImprovementActionInput = z.infer<typeof improvementActionSchema>;
export type UpdateImprovementActionInput = z.infer<typeof updateImprovementActionSchema>;
export type ImprovementNoteInput = z.infer<typeof improvementNoteSchema>;


/** A year from the address (?ar=2025), or undefined: then the latest year with results is shown. */
export function yearParam(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/** An indicator of the managed list; the key is what result files name, fixed once created. */
export const indicatorSchema = z.object({
  indicatorId: optionalId,
  key: z
    .string()
    .trim()
    .max(40, "Högst 40 tecken.")
    .regex(/^[a-z0-9-]*$/, "Nyckeln får bara innehålla a–z, siffror och bindestreck.")
    .optional()
    .transform((v) => v || null),
  name: z.string({ error: "Ange ett namn." }).trim().min(1, "Ange ett namn.").max(120, "Högst 120 tecken."),
  description: optionalText(500),
  koladaKpi: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]\d{5})?$/, "Koladas nyckeltal skrivs som en bokstav och fem siffror, t.ex. U21468.")
    .optional()
    .transform((v) => v || null),
  higherIsBetter: z.enum(["ja", "nej"], { error: "Välj om ett högt värde är bra." }).transform((v) => v === "ja"),
});
export type IndicatorInput = z.infer<typeof indicatorSchema>;

/** The kommun's id in Kolada: four digits (0000 is riket); empty = not fetched from Kolada. */
export const koladaMunicipalityIdSchema = z
  .string({ error: "Ange kommunens id i Kolada." })
  .trim()
  .regex(/^(\d{4})?$/, "Kommunens id i Kolada är fyra siffror, t.ex. 1480.")
  .refine((v) => v !== KOLADA_RIKET, "0000 är riket i Kolada, inte en kommun.")
  .transform((v) => v || null);

/** A unit's id as an organisational unit (OU) in Kolada, letters and digits as Kolada writes it; empty = not fetched. */
export const koladaOuIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(20, "Enhetens id i Kolada är högst 20 tecken.")
  .regex(/^([A-Z][A-Z0-9]{4,19})?$/, "Enhetens id i Kolada skrivs med bokstäver och siffror och börjar med en bokstav, som i Kolada.")
  .transform((v) => v || null);

/** The Kolada settings of a verksamhet: the kommun's id and an OU id per unit. */
export const koladaSettingsSchema = z.object({
  municipalityId: koladaMunicipalityIdSchema,
  units: z.array(z.object({ unitId: z.string().trim().min(1).max(100), ouId: koladaOuIdSchema })).max(1000),
});
export type KoladaSettingsInput = z.infer<typeof koladaSettingsSchema>;
