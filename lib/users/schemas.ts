import { z } from "zod";
import { Role } from "../db/generated/enums.ts";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "../auth/credential-limits.ts";

const id = z.string({ error: "Uppgift saknas." }).trim().min(1, "Uppgift saknas.").max(64, "Uppgift saknas.");
export const PASSWORD_MIN_LENGTH = 12;
/** A new password: the one rule for every form that sets one. */
export const passwordSchema = z
  .string({ error: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.` })
  .min(PASSWORD_MIN_LENGTH, `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`)
  .max(PASSWORD_MAX_LENGTH, `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`);
const password = passwordSchema;

export const createUserSchema = z.object({
  name: z.string({ error: "Ange namn." }).trim().min(2, "Ange namn.").max(120, "Namnet får vara högst 120 tecken."),
  email: z.string({ error: "Ange en giltig e-postadress." }).trim().toLowerCase().email("Ange en giltig e-postadress.").max(EMAIL_MAX_LENGTH, `E-postadressen får vara högst ${EMAIL_MAX_LENGTH} tecken.`),
  /** Empty: the user signs in only through the municipality's identity provider. */
  password: z.union([z.literal(""), password]).transform((v) => (v === "" ? null : v)),
});

/** The scope choice "Hela verksamheten": chosen explicitly, never what an untouched field means. */
export const WHOLE_VERKSAMHET = "hela-verksamheten";
export const SCOPE_REQUIRED = "Välj vad rollen gäller: en enhet eller hela verksamheten.";

/** A role and where it applies, both chosen by the admin: no default, since a wrong one can give wide access. */
export const assignRoleSchema = z.object({
  userId: id,
  role: z.enum(Role, { error: "Välj en roll." }),
  unitId: z
    .string({ error: SCOPE_REQUIRED })
    .trim()
    .min(1, SCOPE_REQUIRED)
    .max(64, "Välj en enhet i listan.")
    .transform((v) => (v === WHOLE_VERKSAMHET ? null : v)),
});

/** The admin's change of a user's name and e-mail (issue 29, item 5). */
export const updateUserSchema = createUserSchema.pick({ name: true, email: true }).extend({ userId: id });

/** One's own new password on /installningar: the current one, and the new one twice. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Skriv ditt nuvarande lösenord." }).min(1, "Skriv ditt nuvarande lösenord.").max(200, "Fel nuvarande lösenord."),
    password: passwordSchema,
    passwordRepeat: z.string({ error: "Lösenorden är inte likadana." }),
  })
  .refine((v) => v.password === v.passwordRepeat, { message: "Lösenorden är inte likadana.", path: ["passwordRepeat"] });

export const removeRoleSchema = z.object({ assignmentId: id });
export const setActiveSchema = z.object({ userId: id, active: z.enum(["true", "false"], { error: "Kontrollera uppgifterna." }).transform((v) => v === "true") });
export const setPasswordSchema = z.object({ userId: id, password });
export const unlinkOidcSchema = z.object({ userId: id });

/** The first Swedish message of a failed parse. */
export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Kontrollera uppgifterna.";
}

/** What a row of the directory's role table applies to: "hela-verksamheten", "omrade:<id>" or "enhet:<id>". */
export const DIRECTORY_SCOPE_REQUIRED = "Välj vad rollen gäller: en enhet, ett område eller hela verksamheten.";
const directoryScope = z
  .string({ error: DIRECTORY_SCOPE_REQUIRED })
  .trim()
  .min(1, DIRECTORY_SCOPE_REQUIRED)
  .max(80, DIRECTORY_SCOPE_REQUIRED)
  .transform((v, ctx) => {
    if (v === WHOLE_VERKSAMHET) return { unitId: null, areaId: null };
    const [kind, id] = [v.slice(0, v.indexOf(":")), v.slice(v.indexOf(":") + 1)];
    if (id && kind === "enhet") return { unitId: id, areaId: null };
    if (id && kind === "omrade") return { unitId: null, areaId: id };
    ctx.addIssue({ code: "custom", message: DIRECTORY_SCOPE_REQUIRED });
    return z.NEVER;
  });

/** A row of the admin's table on /admin/inloggning: a value of the roles claim gives a role for a scope (issue 31). */
export const directoryMappingSchema = z.object({
  claimValue: z
    .string({ error: "Skriv värdet som katalogen skickar." })
    .trim()
    .min(1, "Skriv värdet som katalogen skickar.")
    .max(200, "Värdet får vara högst 200 tecken."),
  role: z.enum(Role, { error: "Välj en roll." }),
  scope: directoryScope,
});
export const removeDirectoryMappingSchema = z.object({ mappingId: id });
