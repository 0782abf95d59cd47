import { z } from "zod";
import { calendarDate } from "../dates/schemas.ts";
import { koladaOuIdSchema } from "../results/schemas.ts";

const id = z.string({ error: "Uppgift saknas." }).trim().min(1, "Uppgift saknas.").max(64, "Uppgift saknas.");
export const NAME_MAX_LENGTH = 120;
const name = (what: string) =>
  z.string({ error: `Ange ${what}.` }).trim().min(1, `Ange ${what}.`).max(NAME_MAX_LENGTH, `Namnet får vara högst ${NAME_MAX_LENGTH} tecken.`);
const koladaOuId = z.preprocess((v) => v ?? "", z.string()).pipe(koladaOuIdSchema);

export const areaNameSchema = name("områdets namn");
export const unitNameSchema = name("enhetens namn");

export const createAreaSchema = z.object({ name: areaNameSchema });
export const renameAreaSchema = z.object({ areaId: id, name: areaNameSchema });
export const removeAreaSchema = z.object({ areaId: id });
export const createUnitSchema = z.object({ areaId: z.string({ error: "Välj ett område." }).trim().min(1, "Välj ett område.").max(64, "Välj ett område."), name: unitNameSchema, koladaOuId });
/** Rename, move to another area and the Kolada OU id: one form per unit. */
export const updateUnitSchema = createUnitSchema.extend({ unitId: id });
export const closeUnitSchema = z.object({ unitId: id, closedOn: calendarDate });
export const reopenUnitSchema = z.object({ unitId: id });
