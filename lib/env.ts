import { z } from "zod";
import { parseIsoDate } from "./dates/cycle.ts";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * A CSP frame-ancestors source list: `*`, `'self'`, `'none'` alone, a scheme (`https:`) or an origin with an optional
 * wildcard subdomain and port (`https://*.kommun.se:8443`), separated by spaces. Nothing that could end the directive
 * (`;`, `,`) or add a path, query or quote.
 */
export function isFrameAncestorList(value: string): boolean {
  const sources = value.trim().split(/\s+/);
  if (sources.includes("'none'")) return sources.length === 1;
  const source = /^(\*|'self'|https?:|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;
  return sources.length > 0 && sources.length <= 20 && sources.every((s) => source.test(s));
}

/** The most server processes WEB_CONCURRENCY may ask for (lib/server-processes.ts); each holds up to ten database connections. */
export const MAX_SERVER_PROCESSES = 16;

/**
 * The one place that reads process.env. Parsed once; a bad variable stops the app with one Swedish line per problem.
 */
const envSchema = z.object({
  // Fixes "today" for a demo or a test server (lib/clock.ts); unset in production.
  ARSHJULET_TODAY: optionalText.refine((v) => v === undefined || parseIsoDate(v) !== null, {
    message: "ARSHJULET_TODAY ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (eller lämnas tom för dagens datum).",
  }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "DATABASE_URL måste börja med postgresql:// (eller lämnas tom för den inbyggda databasen).",
  }),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  // Issue 35: "off" for a connection pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { error: "DATABASE_PREPARED_STATEMENTS ska vara on eller off." }).default("on"),
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalText,
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  // How many reverse proxies of our own stand in front of the app; the sign-in throttle reads X-Forwarded-For only past them.
  TRUSTED_PROXIES: optionalText
    .refine((v) => v === undefined || (/^\d{1,2}$/.test(v) && Number(v) <= 10), {
      message: "TRUSTED_PROXIES ska vara ett heltal mellan 0 och 10 (antalet egna proxyservrar framför appen).",
    })
    .transform((v) => (v === undefined ? 0 : Number(v))),
  // Days the audit trail is kept; unset (the default) keeps it for ever. The daily job deletes older entries (lib/retention.ts).
  AUDIT_RETENTION_DAYS: optionalText
    .refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 365), {
      message: "AUDIT_RETENTION_DAYS ska vara ett antal dagar, minst 365 (eller lämnas tom för att behålla loggen).",
    })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  OIDC_ISSUER: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "OIDC_ISSUER måste vara en adress." }),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  // Written as it reads mid-sentence ("Logga in med kommunens inloggning", "… med Botkyrka kommuns inloggning"); a text
  // that begins with it capitalises its first letter (lib/users/sign-in-texts.ts).
  OIDC_DISPLAY_NAME: z.string().trim().min(1).default("kommunens inloggning"),
  // Issue 31: the e-mail of an account in one of these domains is trusted without `email_verified` (Entra ID sends none).
  OIDC_ALLOWED_EMAIL_DOMAINS: optionalText
    .transform((v) => (v ?? "").split(",").map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter((d) => d !== ""))
    .refine((list) => list.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)), {
      message: "OIDC_ALLOWED_EMAIL_DOMAINS ska vara domäner åtskilda med komma, t.ex. botkyrka.se,kommun.se.",
    }),
  // Issue 31: the ID token's claim whose values give roles through the admin's table on /admin/inloggning (Entra ID:
  // "roles" for app roles, "groups" for group ids). Unset: roles are given by hand or by the workbook only.
  OIDC_ROLES_CLAIM: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_.:/-]{1,200}$/.test(v), {
    message: "OIDC_ROLES_CLAIM ska vara namnet på ett anspråk i ID-token, t.ex. roles eller groups.",
  }),
  // Issue 31: "off" removes the password form and provider (only with OIDC configured: checked below); AUTH_BREAK_GLASS=on
  // then lets an administrator in by password after `npm run admin:reset-password`, and no one else.
  AUTH_PASSWORD_SIGN_IN: z.enum(["on", "off"], { error: "AUTH_PASSWORD_SIGN_IN ska vara on eller off." }).default("on"),
  AUTH_BREAK_GLASS: z.enum(["on", "off"], { error: "AUTH_BREAK_GLASS ska vara on eller off." }).default("off"),
  // The server's log (lib/request-log.ts): plain text lines, or one JSON object per line for a log collector.
  LOG_FORMAT: optionalText
    .refine((v) => v === undefined || v === "text" || v === "json", { message: "LOG_FORMAT ska vara text eller json." })
    .transform((v): "text" | "json" => (v === "json" ? "json" : "text")),
  // Reminders (issue 11): e-mail goes out only when SMTP_URL is set.
  SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: "SMTP_URL måste börja med smtp:// eller smtps://." }),
  MAIL_FROM: optionalText.transform((v) => v ?? "Årshjulet <arshjulet@localhost>"),
  // Kolada's open API (issue 23); a kommun behind a proxy, or a test, points it elsewhere.
  KOLADA_BASE_URL: optionalText
    .refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), { message: "KOLADA_BASE_URL måste vara en adress som börjar med http:// eller https://." })
    .transform((v) => (v ?? "https://api.kolada.se/v3").replace(/\/+$/, "")),
  // Issue 33: who may frame the årshjul's share page (/delad/…), as CSP frame-ancestors sources; every other page refuses framing.
  SHARE_FRAME_ANCESTORS: optionalText
    .refine((v) => v === undefined || isFrameAncestorList(v), {
      message: "SHARE_FRAME_ANCESTORS ska vara * eller adresser åtskilda med mellanslag, t.ex. https://intranat.kommun.se 'self' (eller lämnas tom för alla).",
    })
    .transform((v) => v ?? "*"),
  // Issue 35: how many server processes `node scripts/serve.mjs` runs (lib/server-processes.ts); empty: one per core, at most 4.
  WEB_CONCURRENCY: optionalText
    .refine((v) => v === undefined || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SERVER_PROCESSES), {
      message: `WEB_CONCURRENCY ska vara ett heltal mellan 1 och ${MAX_SERVER_PROCESSES} (antalet serverprocesser), eller lämnas tom för en per processorkärna.`,
    })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  ACCESSIBILITY_CONTACT_EMAIL: optionalText
    .refine((v) => v === undefined || z.email().safeParse(v).success, { message: "ACCESSIBILITY_CONTACT_EMAIL måste vara en e-postadress." })
    .transform((v) => v ?? "tillganglighet@arshjulet.example"),
}).refine((env) => env.AUTH_PASSWORD_SIGN_IN === "on" || Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET), {
  path: ["AUTH_PASSWORD_SIGN_IN"],
  message: "AUTH_PASSWORD_SIGN_IN=off kräver kommunens inloggning (OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET): annars kan ingen logga in.",
}).refine((env) => env.DATABASE_URL !== undefined || env.WEB_CONCURRENCY === undefined || env.WEB_CONCURRENCY === 1, {
  path: ["WEB_CONCURRENCY"],
  message: "WEB_CONCURRENCY över 1 kräver PostgreSQL (DATABASE_URL): den inbyggda databasen kan bara öppnas av en process.",
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The settings in `source`, or an error with one Swedish line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `Felaktig miljövariabel ${i.path.join(".")}: ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  return parsed.data;
}

/** The OIDC provider is on only when all three of issuer, client id and secret are set. */
export function oidcConfig(env = getEnv()) {
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
    ? { issuer: env.OIDC_ISSUER.replace(/\/$/, ""), clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_DISPLAY_NAME }
    : null;
}

/**
 * How the password sign-in works: "on" (the form and provider, as always), "off" (neither: the municipality's sign-in
 * only) or "break-glass" (off, but an administrator may sign in by password while AUTH_BREAK_GLASS=on).
 */
export function passwordSignIn(env = getEnv()): "on" | "off" | "break-glass" {
  if (env.AUTH_PASSWORD_SIGN_IN === "on") return "on";
  return env.AUTH_BREAK_GLASS === "on" ? "break-glass" : "off";
}
