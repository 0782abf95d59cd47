import { z } from "zod";
import { Role } from "../db/generated/enums.ts";

/** Which calendar to create, as the form's one select sends it: "enhet:<unit id>" or "roll:<ROLE>". */
export const createFeedSchema = z.object({
  target: z
    .string({ error: "Välj en enhet eller en roll." })
    .trim()
    .min(1, "Välj en enhet eller en roll.")
    .max(120, "Välj en enhet eller en roll.")
    .transform((value, ctx) => {
      const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
      if (kind === "enhet" && id.length > 0) return { unitId: id, role: null };
      const role = z.enum(Role).safeParse(id);
      if (kind === "roll" && role.success) return { unitId: null, role: role.data };
      ctx.addIssue({ code: "custom", message: "Välj en enhet eller en roll." });
      return z.NEVER;
    }),
});

export const revokeFeedSchema = z.object({
  feedId: z.string({ error: "Kalendern saknas." }).trim().min(1, "Kalendern saknas.").max(100, "Kalendern finns inte."),
});

/** A feed token as it appears in the address: 43 base64url characters, optionally followed by ".ics". */
export const feedTokenSchema = z
  .string()
  .transform((t) => t.replace(/\.ics$/i, ""))
  .pipe(z.string().regex(/^[A-Za-z0-9_-]{43}$/));
