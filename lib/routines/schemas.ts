import { z } from "zod";
import { ActivityKind, ActivityScope, Role, Timing } from "../db/generated/enums.ts";

const month = z
  .number({ error: "Månaden måste vara ett tal 1–12." })
  .int("Månaden måste vara ett heltal 1–12.")
  .min(1, "Månaden måste vara 1–12.")
  .max(12, "Månaden måste vara 1–12.");

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
const key = z.string().regex(/^[a-z0-9-]+$/, "Nyckeln får bara innehålla a–z, 0–9 och bindestreck.").max(80);

export const activitySchema = z
  .object({
    key,
    phase: key,
    title: z.string().trim().min(1, "Aktiviteten behöver en rubrik.").max(200, "Rubriken får vara högst 200 tecken."),
    description: z.string().trim().max(4000, "Beskrivningen får vara högst 4000 tecken.").optional(),
    responsibleRole: z.enum(Role, { error: "Okänd ansvarig roll." }).nullable(),
    timing: z.enum(Timing, { error: "Tidpunkten måste vara MONTH, SPAN eller CONTINUOUS." }),
    startMonth: month.nullable(),
    endMonth: month.nullable(),
    scope: z.enum(ActivityScope, { error: "Okänd omfattning." }),
    kind: z.enum(ActivityKind, { error: "Okänd typ av aktivitet." }),
    letterNumber: z.number().int().min(1, "Brukarbrev numreras 1–4.").max(4, "Brukarbrev numreras 1–4.").optional(),
    templateRef: z.string().trim().max(500).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.startMonth === null) !== (a.endMonth === null)) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "Ange både start- och slutmånad, eller ingen av dem." });
    }
    if (a.startMonth !== null && a.endMonth !== null && a.endMonth < a.startMonth) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "Perioden slutar före den börjar." });
    }
    if (a.timing === "MONTH" && a.startMonth !== a.endMonth) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "En aktivitet en enskild månad har samma start- och slutmånad." });
    }
    if ((a.kind === "LETTER") !== (a.letterNumber !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["letterNumber"], message: "Brukarbrev (och bara de) har ett nummer 1–4." });
    }
  });

/** A routine as exchanged by JSON import/export; the seed uses the same format. */
export const routineDocumentSchema = z
  .object({
    format: z.literal("arshjulet-rutin/1", { error: "Okänt filformat: förväntade arshjulet-rutin/1." }),
    key,
    title: z.string().trim().min(1, "Rutinen behöver en titel.").max(200),
    colour: z.string().regex(/^#[0-9a-f]{6}$/i, "Färgen anges som #rrggbb.").default("#1d4ed8"),
    version: z.object({
      decidedBy: z.string().trim().max(200).nullable(),
      decidedOn: isoDate.nullable(),
      documentOwner: z.string().trim().max(200).nullable(),
      validUntil: isoDate.nullable(),
      replacesText: z.string().trim().max(200).nullable(),
      purpose: z.string().trim().max(4000).nullable(),
    }),
    phases: z.array(z.object({ key, name: z.string().trim().min(1).max(100) })).min(1, "Rutinen behöver minst en fas."),
    activities: z.array(activitySchema),
  })
  .superRefine((r, ctx) => {
    const phaseKeys = new Set(r.phases.map((p) => p.key));
    if (phaseKeys.size !== r.phases.length) ctx.addIssue({ code: "custom", path: ["phases"], message: "Två faser har samma nyckel." });
    const seen = new Set<string>();
    r.activities.forEach((a, i) => {
      if (!phaseKeys.has(a.phase)) {
        ctx.addIssue({ code: "custom", path: ["activities", i, "phase"], message: `Fasen "${a.phase}" finns inte i rutinen.` });
      }
      if (seen.has(a.key)) ctx.addIssue({ code: "custom", path: ["activities", i, "key"], message: `Nyckeln "${a.key}" används två gånger.` });
      seen.add(a.key);
    });
  });

export type RoutineDocument = z.infer<typeof routineDocumentSchema>;
export type ActivityInput = z.infer<typeof activitySchema>;
