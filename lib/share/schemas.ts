import { z } from "zod";
import { optionalCalendarDate } from "../dates/schemas.ts";

/** The layers a share link can show besides each routine (by its key); the same names as the start page's (lib/wheel/views.ts). */
export const SHARE_LAYER_PATTERN = /^[a-z0-9-]{1,60}$/;

/** A new share link as the form sends it: name, scope ("verksamhet" or "enhet:<unit id>"), layers, optional last day. */
export const createShareLinkSchema = z.object({
  name: z.string({ error: "Ge länken ett namn." }).trim().min(1, "Ge länken ett namn.").max(80, "Namnet får vara högst 80 tecken."),
  scope: z
    .string({ error: "Välj vad länken ska visa." })
    .trim()
    .min(1, "Välj vad länken ska visa.")
    .max(120, "Välj vad länken ska visa.")
    .transform((value, ctx) => {
      if (value === "verksamhet") return { unitId: null };
      if (value.startsWith("enhet:") && value.length > 6) return { unitId: value.slice(6) };
      ctx.addIssue({ code: "custom", message: "Välj vad länken ska visa." });
      return z.NEVER;
    }),
  layers: z
    .array(z.string().regex(SHARE_LAYER_PATTERN, "Ett lager finns inte."), { error: "Välj minst ett lager." })
    .min(1, "Välj minst ett lager att visa.")
    .max(50, "För många lager."),
  endsOn: optionalCalendarDate,
});
export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({
  linkId: z.string({ error: "Länken saknas." }).trim().min(1, "Länken saknas.").max(100, "Länken finns inte."),
});

/** A share token as it appears in the address: 43 base64url characters (32 random bytes). */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
