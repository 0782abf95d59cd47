import path from "node:path";
import { format, getISOWeek } from "date-fns";
import { sv } from "date-fns/locale";

/**
 * The app servers the browser tests run against. Each has its own embedded database and its "today"
 * fixed (ARSHJULET_TODAY) to a day that suits its journeys, so the suite passes whatever the real date is.
 * A spec runs on exactly one server: the one whose `specs` name it.
 */
// E2E_PORT_BASE moves all four ports, so that two checkouts can run their browser tests at once.
const base = Number(process.env.E2E_PORT_BASE ?? 3210);
const SERVER_LIST = [
  // Late November: most of the year is done, some tasks are overdue, December's are not yet begun.
  { name: "november", port: base, today: "2026-11-20", specs: ["axe-check", "auth", "admin", "start-page", "checklist", "dashboard", "wheel", "results", "reminders", "module-tasks", "kolada"] },
  // Publishing a routine version and starting a cycle change every unit's tasks: a server of its own.
  { name: "routines", port: base + 1, today: "2026-11-20", specs: ["routines"] },
  // February: brukarbrev 1 is due this month.
  { name: "february", port: base + 2, today: "2027-02-15", specs: ["letters"] },
  // April: the sample was drawn in March and the interviews are under way.
  { name: "april", port: base + 3, today: "2027-04-20", specs: ["review"] },
] as const;

export type ServerName = (typeof SERVER_LIST)[number]["name"];
export type Server = (typeof SERVER_LIST)[number];
export const SERVERS: readonly Server[] = SERVER_LIST;

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
