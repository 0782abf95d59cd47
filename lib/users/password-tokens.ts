import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { writeAudit } from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import { normaliseEmail, THROTTLE } from "../auth/throttle.ts";
import type { DbClient } from "../db/index.ts";
import type { PasswordTokenPurpose } from "../db/generated/enums.ts";
import { inTransaction } from "../db/transaction.ts";
import { fieldErrorsOf, type Failure } from "../forms.ts";
import type { MailMessage } from "../reminders/mail.ts";
import { passwordSchema } from "./schemas.ts";

/** How long a link lives: the first administrator's from `npm run setup` a day, a reset link half an hour. */
export const TOKEN_LIFETIME_MINUTES: Record<PasswordTokenPurpose, number> = { SETUP: 24 * 60, RESET: 30 };

/** Where a link points: a signed-out page (app/(auth)/nytt-losenord/[token]). */
export const PASSWORD_LINK_PATH = "/nytt-losenord";

export const LINK_INVALID = "Länken gäller inte längre: den är redan använd, för gammal eller felskriven. Be om en ny med Glömt lösenord.";
export const PASSWORD_SET = "Lösenordet är sparat. Logga in med ditt nya lösenord.";
export const RESET_REQUESTED = "Om adressen hör till ett konto i Årshjulet har vi skickat en länk dit. Länken gäller i 30 minuter.";
export const RESET_THROTTLED = "För många försök. Vänta 15 minuter och försök igen.";
export const PASSWORDS_DIFFER = "Lösenorden är inte likadana.";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("base64url");

export function passwordLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${PASSWORD_LINK_PATH}/${token}`;
}

/**
 * A new single-use link for the user; only its hash is stored, and the user's earlier unused links of any kind stop
 * working (one link at a time). Returns the secret for the link: shown or sent once, never kept.
 */
export async function issuePasswordToken(db: DbClient, userId: string, purpose: PasswordTokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.passwordToken.deleteMany({ where: { userId, usedAt: null } });
  await db.passwordToken.create({
    data: { userId, purpose, tokenHash: hashOf(token), createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000) },
  });
  return token;
}

const tokenText = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** The account a link may set the password of (for the page's heading), or null when the link is not usable. */
export async function findPasswordToken(db: DbClient, token: unknown, now = new Date()) {
  const parsed = tokenText.safeParse(token);
  if (!parsed.success) return null;
  const row = await db.passwordToken.findUnique({ where: { tokenHash: hashOf(parsed.data) }, include: { user: { select: { email: true, active: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { email: row.user.email, purpose: row.purpose };
}

export const setPasswordWithTokenSchema = z
  .object({ token: z.string({ error: LINK_INVALID }), password: passwordSchema, passwordRepeat: z.string({ error: PASSWORDS_DIFFER }) })
  .refine((v) => v.password === v.passwordRepeat, { message: PASSWORDS_DIFFER, path: ["passwordRepeat"] });

type Result = { ok: true; message: string } | Failure;

/**
 * Sets the password through a link: the link is used up in the same transaction (a conditional update, so two
 * submissions at once cannot both use it), the user's sessions end, and the change is audited.
 */
export async function setPasswordWithToken(db: DbClient, raw: unknown, now = new Date()): Promise<Result> {
  const input = setPasswordWithTokenSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera lösenordet.", errors: fieldErrorsOf(input.error) };
  const token = tokenText.safeParse(input.data.token);
  if (!token.success) return { ok: false, message: LINK_INVALID };
  const passwordHash = await hashPassword(input.data.password);
  return inTransaction(db, async (tx) => {
    const row = await tx.passwordToken.findUnique({ where: { tokenHash: hashOf(token.data) }, include: { user: true } });
    if (!row || !row.user.active) return { ok: false, message: LINK_INVALID };
    const { count } = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) return { ok: false, message: LINK_INVALID };
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: row.userId, action: "user.password-link", entityType: "User", entityId: row.userId, after: { password: "satt med länk", link: row.purpose === "SETUP" ? "installation" : "återställning" } });
    return { ok: true, message: PASSWORD_SET };
  });
}

export const passwordResetRequestSchema = z.object({
  email: z.string({ error: "Ange din e-postadress." }).trim().toLowerCase().email("Ange en giltig e-postadress.").max(200, "E-postadressen får vara högst 200 tecken."),
});

/**
 * "Glömt lösenord?": the same answer whether the account exists or not. Throttled like sign-in (per address typed and
 * per client address, in the same window; `address` gives the client's); an active account with a password, or without a link to the
 * municipality's provider, gets a reset link by e-mail: returned as `mail` for the caller to send after answering.
 */
export async function requestPasswordReset(db: DbClient, raw: unknown, address: () => Promise<string>, baseUrl: string, now = new Date()): Promise<{ result: Result; mail?: MailMessage }> {
  const input = passwordResetRequestSchema.safeParse(raw);
  if (!input.success) return { result: { ok: false, message: "Kontrollera e-postadressen och försök igen.", errors: fieldErrorsOf(input.error) } };
  const email = normaliseEmail(input.data.email);
  // Read only for a well-formed request (the client's address, as the sign-in throttle counts it).
  const ip = await address();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  return inTransaction(db, async (tx) => {
    const [byAccount, byAddress] = await Promise.all([
      tx.passwordResetRequest.count({ where: { email, at: { gte: since } } }),
      tx.passwordResetRequest.count({ where: { ip, at: { gte: since } } }),
    ]);
    if (byAccount >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress) return { result: { ok: false, message: RESET_THROTTLED } };
    await tx.passwordResetRequest.deleteMany({ where: { at: { lt: since } } });
    await tx.passwordResetRequest.create({ data: { email, ip, at: now } });
    const user = await tx.user.findUnique({ where: { email } });
    const answer = { ok: true as const, message: RESET_REQUESTED };
    if (!user?.active || (!user.passwordHash && user.oidcSubject)) return { result: answer };
    const token = await issuePasswordToken(tx, user.id, "RESET", now);
    await writeAudit(tx, { actorId: user.id, action: "user.password-reset-link", entityType: "User", entityId: user.id, after: { link: "skickad med e-post" } });
    return { result: answer, mail: resetMail(user.email, passwordLink(baseUrl, token)) };
  });
}

function resetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Nytt lösenord till Årshjulet",
    text: [
      "Hej!",
      "",
      "Någon (förhoppningsvis du) bad om ett nytt lösenord till Årshjulet för den här e-postadressen.",
      "Välj ett nytt lösenord här. Länken gäller i 30 minuter och kan användas en gång:",
      "",
      link,
      "",
      "Bad du inte om det? Då kan du strunta i det här meddelandet; ditt lösenord är oförändrat.",
    ].join("\n"),
  };
}

/**
 * `npm run admin:reset-password -- <e-post>`: a server administrator's break-glass link for an active user (30 minutes,
 * single-use), audited without an actor in the app.
 */
export async function issueResetLinkForEmail(db: DbClient, email: string, baseUrl: string, now = new Date()): Promise<{ ok: true; link: string; name: string } | { ok: false; message: string }> {
  const parsed = passwordResetRequestSchema.safeParse({ email });
  if (!parsed.success) return { ok: false, message: "Ange en giltig e-postadress: npm run admin:reset-password -- namn@kommun.se" };
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normaliseEmail(parsed.data.email) } });
    if (!user) return { ok: false, message: "Det finns ingen användare med den e-postadressen; ingenting ändrades." };
    if (!user.active) return { ok: false, message: "Användaren är inaktiverad: aktivera hen under Användare först; ingenting ändrades." };
    const token = await issuePasswordToken(tx, user.id, "RESET", now);
    await writeAudit(tx, { actorId: null, action: "user.password-reset-link", entityType: "User", entityId: user.id, after: { link: "utskriven av admin:reset-password" } });
    return { ok: true, link: passwordLink(baseUrl, token), name: user.name };
  });
}
