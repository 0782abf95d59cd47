import { z } from "zod";

/** What `npm run setup` asks for: the verksamhet and its first administrator. */
export const setupSchema = z.object({
  organisation: z.string({ error: "Ange verksamhetens namn (--organisation)." }).trim().min(2, "Ange verksamhetens namn (--organisation).").max(120, "Verksamhetens namn får vara högst 120 tecken."),
  adminName: z.string({ error: "Ange administratörens namn (--admin-name)." }).trim().min(2, "Ange administratörens namn (--admin-name).").max(120, "Namnet får vara högst 120 tecken."),
  adminEmail: z
    .string({ error: "Ange administratörens e-postadress (--admin-email)." })
    .trim()
    .toLowerCase()
    .email("Ange en giltig e-postadress för administratören (--admin-email).")
    .max(200, "E-postadressen får vara högst 200 tecken."),
});
export type SetupInput = z.infer<typeof setupSchema>;
