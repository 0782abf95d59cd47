import path from "node:path";
import { format, getISOWeek } from "date-fns";
import { sv } from "date-fns/locale";
import { OIDC_CLIENT } from "./oidc-client";

/**
 * The app servers the browser tests run against. Each has its own embedded database and its "today"
 * fixed (ARSHJULET_TODAY) to a day that suits its journeys, so the suite passes whatever the real date is.
 * A spec runs on exactly one server: the one whose `specs` name it.
 */
// E2E_PORT_BASE moves all the ports, so that two checkouts can run their browser tests at once.
const base = Number(process.env.E2E_PORT_BASE ?? 3210);
/** The OpenID Connect provider of oidc.spec.ts (tests/e2e/oidc-provider.ts), started by the global setup. */
export const OIDC_PROVIDER_PORT = base + 5;
/** The server of go-live.spec.ts, which the spec starts itself on a PostgreSQL database after `npm run setup`. */
export const GO_LIVE_PORT = base + 8;
/** The server of operations.spec.ts (issue 34: the request log, the database outage), which the spec starts itself on PostgreSQL. */
export const OPERATIONS_PORT = base + 10;
/** The server of production-install.spec.ts: the standalone install alone, started by the spec on PostgreSQL. */
export const PRODUCTION_INSTALL_PORT = base + 11;
const SERVER_LIST = [
  // Late November: most of the year is done, some tasks are overdue, December's are not yet begun.
  { name: "november", port: base, today: "2026-11-20", specs: ["axe-check", "auth", "admin", "start-page", "checklist", "dashboard", "wheel", "wheel-export", "results", "reminders", "module-tasks", "kolada", "password-links", "share", "http-probe"] },
  // Publishing a routine version and starting a cycle change every unit's tasks: a server of its own.
  { name: "routines", port: base + 1, today: "2026-11-20", specs: ["routines"] },
  // February: brukarbrev 1 is due this month.
  { name: "february", port: base + 2, today: "2027-02-15", specs: ["letters", "planning"] },
  // April: the sample was drawn in March and the interviews are under way.
  { name: "april", port: base + 3, today: "2027-04-20", specs: ["review"] },
  // Municipal sign-in against the test's own OpenID Connect provider; it links provider accounts to users, so a
  // server of its own. The start page's journeys run here too: they tick a task of Lärkan, and the checklist's
  // Ångra test on the november server counts Lärkan's open tasks while it runs (two files run side by side).
  { name: "kommun", port: base + 4, today: "2026-11-20", specs: ["oidc", "home"], oidc: true },
  // Areas and units created, closed and imported change every unit list and count: a server of its own (base + 5 is
  // the OIDC provider's port).
  { name: "organisation", port: base + 6, today: "2026-11-20", specs: ["organisation"] },
  // 6 December: the 2027 cycle has begun and the 2026 cycle is open for its efterarbete (docs/decisions/020); the
  // koordinator registers 2026's overdue Brukarbrev 4 from the badge.
  { name: "december", port: base + 7, today: "2026-12-06", specs: ["two-cycles"] },
  // A kommun on Entra ID (issue 31): the kommun's domain trusted, roles from the directory's `roles` claim, password
  // sign-in off (so no saved password sessions: passwordOff). It links, creates and re-roles users: a server of its own.
  { name: "entra", port: base + 9, today: "2026-11-20", specs: ["entra"], oidc: true, passwordOff: true },
] as const;

export type ServerName = (typeof SERVER_LIST)[number]["name"];
export type Server = (typeof SERVER_LIST)[number];
export const SERVERS: readonly Server[] = SERVER_LIST;

/** The environment a server adds to the common one: the OIDC settings for the server that uses the test's provider. */
export function serverEnv(server: Server): Record<string, string> {
  if (!("oidc" in server)) return {};
  const oidc = { OIDC_ISSUER: `http://127.0.0.1:${OIDC_PROVIDER_PORT}`, OIDC_CLIENT_ID: OIDC_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_CLIENT.secret };
  if (!("passwordOff" in server)) return oidc;
  return { ...oidc, ...ENTRA_ENV };
}

/** The Entra ID kommun's settings (the entra server); entra.spec.ts reads the provider's name from here. */
export const ENTRA_ENV = {
  OIDC_DISPLAY_NAME: "Exempelstads inloggning",
  OIDC_ALLOWED_EMAIL_DOMAINS: "arshjulet.example",
  OIDC_ROLES_CLAIM: "roles",
  AUTH_PASSWORD_SIGN_IN: "off",
} as const;

/** Whether a server's users can sign in by password (the sign-in setup saves their sessions only then). */
export const hasPasswordSignIn = (server: Server) => !("passwordOff" in server);

const DATA_ROOT = path.resolve(import.meta.dirname, "../../.data");
/** The embedded database of a server, under .data/ (never DATABASE_URL). */
export const dataDirOf = (server: Server) => path.join(DATA_ROOT, `e2e-${server.port}`);
/** Written by prepare-databases.ts once every server's database is ready: which directories, as of which days. */
export const PREPARED_STAMP = path.join(DATA_ROOT, "e2e-databases.json");
/** The arguments of prepare-databases.ts for all servers (run with node). */
export const prepareDatabasesArgs = () => ["--import", "tsx", "tests/e2e/prepare-databases.ts", ...SERVER_LIST.map((s) => `${dataDirOf(s)}=${s.today}`)];

/** A server's fixed today: as "YYYY-MM-DD" and as its cycle year. */
export function serverDay(name: ServerName) {
  const server = SERVER_LIST.find((s) => s.name === name)!;
  return { todayIso: server.today, year: Number(server.today.slice(0, 4)) };
}

/** "15 mars 2027 (v. 11)", as the app writes a date with its week. */
export const dateWithWeek = (year: number, month: number, day: number) => {
  const date = new Date(year, month - 1, day);
  return `${format(date, "d MMMM yyyy", { locale: sv })} (v. ${getISOWeek(date)})`;
};
