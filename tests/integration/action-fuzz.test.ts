import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { Role } from "@/lib/db/generated/enums";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { fingerprint, fullHash, walPosition } from "./helpers/fingerprint";
import { mulberry32 } from "@/lib/review/sampling";

/**
 * Issue 18, item 7: every exported server action of the app, called as every role and signed out with generated
 * malformed input. For each call: no thrown error other than a redirect, a Swedish message in any returned state,
 * and the database as it was. The inputs come from a seeded PRNG, so a failure names what reproduces it.
 */
const INPUTS_PER_ACTION = 200;
const SEED = 0x18_07;

const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
type Signal = Error & { signal: "redirect" | "notFound"; url?: string };
vi.mock("next/navigation", () => {
  const signal = (kind: "redirect" | "notFound", url?: string) => Object.assign(new Error(kind), { signal: kind, url });
  return {
    redirect: (url: string) => {
      throw signal("redirect", url);
    },
    notFound: () => {
      throw signal("notFound");
    },
    // What lib/actions.ts lets through instead of turning it into a failure: here, the signals above.
    unstable_rethrow: (error: unknown) => {
      if (error instanceof Error && "signal" in error) throw error;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// Each call as a plain form post (no JavaScript): no Next-Action header and no Referer, so an action that answers such a
// post by redirecting (postTaskAction's refusal) does, and its address is judged below.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));
// The session as lib/auth/session.ts gives it, with the permission check of the real one.
vi.mock("@/lib/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  const { canAny } = await import("@/lib/auth/permissions");
  const requireUser = async () => (session.user as SessionUser | null) ?? redirect("/logga-in");
  return {
    getSessionUser: async () => session.user,
    requireUser,
    requirePermission: async (action: Parameters<typeof canAny>[1]) => {
      const user = await requireUser();
      if (!canAny(user, action)) redirect("/ingen-behorighet");
      return user;
    },
  };
});

const { UNEXPECTED_ERROR } = await import("@/lib/forms");
const { flashText, FLASH_PARAM } = await import("@/lib/flash");
const { USER_TEXTS } = await import("@/lib/users/messages");
const { DIRECTORY_TEXTS } = await import("@/lib/users/directory-mappings");
const { TASK_TEXTS } = await import("@/lib/tasks/messages");
/** The pages whose actions answer by a status code in the address, and their texts. */
const FLASH_PAGES: Record<string, Parameters<typeof flashText>[0]> = { "/admin/anvandare": USER_TEXTS, "/admin/inloggning": DIRECTORY_TEXTS, "/checklista": TASK_TEXTS, "/checklista/forsenade": TASK_TEXTS };

const root = path.resolve(import.meta.dirname, "../..");
const actionFiles = (readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" }) as string[])
  .filter((f) => path.basename(f) === "actions.ts")
  .map((f) => path.join("app", f))
  .sort();

// Field names the forms post (name="…" in the pages and components, and the names the actions read).
const sourceFiles = ["app", "components"].flatMap((dir) =>
  (readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f)),
);
const literalNames = (text: string) => [...text.matchAll(/["'`]([a-zA-Z][a-zA-Z0-9]{1,30})["'`]/g)].map((m) => m[1]!);
const FORM_FIELDS = [...new Set(sourceFiles.flatMap((f) => [...readFileSync(path.join(root, f), "utf8").matchAll(/name="([a-zA-Z][\w-]*)"/g)].map((m) => m[1]!)))];

type Action = (...args: unknown[]) => Promise<unknown>;
type Discovered = { file: string; name: string; action: Action; fields: string[] };

async function discoverActions(): Promise<Discovered[]> {
  const found: Discovered[] = [];
  for (const file of actionFiles) {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    const own = literalNames(readFileSync(path.join(root, file), "utf8"));
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") found.push({ file, name, action: value as Action, fields: [...new Set(own)] });
    }
  }
  return found;
}

const seedOf = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, SEED ^ 2166136261);

const MEGABYTE = "å".repeat(512 * 1024); // 1 MiB in UTF-8
const ODD_TEXTS = [
  "", " ", "\t", "\r\n", "a\u0000b", "\u0000", "\u0007", "\u001b[31mröd", "x\u007f", "x\u0085", "\u200b", "\u200d", "\u202eabc", "\u2066x\u2069", "\ufeff",
  "\ud800", "\udfff", "a\ud83d", "😀", "👩‍👩‍👧‍👦", "e\u0301", "é", "A\u030a", "Å", "ﬃ", "𝕏", "Ω", "İ", "ß", "\u00a0", "\u3000",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE \"User\"; --", "${7*7}", "{{7*7}}", "../../etc/passwd", "//evil.example/", "/\\evil.example", "https://evil.example",
  "javascript:alert(1)", "=HYPERLINK(\"http://x\")", "%00", "%0d%0a", "null", "undefined", "NaN", "Infinity", "-Infinity", "true", "false", "[]", "{}", "[object Object]",
  "0", "-0", "-1", "1.5", "1e3", "0x10", "1_000", "9007199254740993", "1e308", "-1e308", "99999999999999999999999999", "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31",
  "2026-11-20T25:00", "20261120", "constructor", "__proto__", "prototype", "toString", "hasOwnProperty",
  // The probe of 6 December (issue 30): personnummer written apart, in JSON escapes, full-width; U+FFFF and U+FFFE.
  "19450101  1235", "19450101--1235", "1945-01-011235", "1945_01_01_1235", "19450101,1235", "19450101\r\n1235", "Brukare 19450101\n1235",
  "１９４５０１０１-１２３５", "\\u00319450101-1235", '{"title":"Brukare \\u00319450101-1235"}', "450161-1232", "0026-06-01", "a\uffffb", "a\ufffeb",
];

type Ids = string[];
function value(rnd: () => number, ids: Ids): FormDataEntryValue {
  const r = rnd();
  if (r < 0.18) return ids[Math.floor(rnd() * ids.length)] ?? "x";
  if (r < 0.22) return MEGABYTE;
  if (r < 0.26) return new File(["a,b\n1,2"], "falsk.csv", { type: "text/csv" });
  if (r < 0.28) return new File([new Uint8Array([0, 0xff, 0xfe, 0])], "binar.bin");
  if (r < 0.29) return new File([MEGABYTE, MEGABYTE], "stor.json", { type: "application/json" });
  if (r < 0.35) return `${Math.floor((rnd() - 0.5) * 2 ** (rnd() * 64))}`;
  if (r < 0.4) return ODD_TEXTS[Math.floor(rnd() * ODD_TEXTS.length)]! + ODD_TEXTS[Math.floor(rnd() * ODD_TEXTS.length)]!;
  if (r < 0.45) return "x".repeat(Math.floor(rnd() * 5000));
  return ODD_TEXTS[Math.floor(rnd() * ODD_TEXTS.length)]!;
}

class ThrowingFormData extends FormData {
  override get(): never {
    throw new TypeError("a.get");
  }
  override entries(): never {
    throw new TypeError("a.entries");
  }
  override getAll(): never {
    throw new TypeError("a.getAll");
  }
}

const NOT_FORMS: (() => unknown)[] = [
  () => undefined, () => null, () => 0, () => -1, () => Number.NaN, () => 1e308, () => 2n ** 70n, () => "", () => "text", () => MEGABYTE, () => true,
  () => [], () => [["taskId", "x"]], () => ({}), () => ({ taskId: "x", get: () => "x" }), () => ({ get: () => { throw new Error("get"); } }),
  () => new Map([["a", "b"]]), () => new URLSearchParams("a=b"), () => Object.create(FormData.prototype), () => new ThrowingFormData(),
  () => new Proxy(new FormData(), { get: () => { throw new TypeError("proxy"); } }), () => new File(["x"], "x.csv"), () => new Blob(["x"]), () => Symbol("s"), () => () => 1,
];

function generate(rnd: () => number, fields: string[], ids: Ids): unknown {
  if (rnd() < 0.15) return NOT_FORMS[Math.floor(rnd() * NOT_FORMS.length)]!();
  const data = new FormData();
  const count = Math.floor(rnd() * 10);
  for (let i = 0; i < count; i++) {
    const pool = rnd() < 0.7 && fields.length > 0 ? fields : FORM_FIELDS;
    const name = rnd() < 0.03 ? value(rnd, ids) : pool[Math.floor(rnd() * pool.length)]!;
    data.append(typeof name === "string" ? name : "fil", value(rnd, ids));
  }
  return data;
}

function describeInput(input: unknown): string {
  try {
    if (!(input instanceof FormData) || input.constructor !== FormData) return `${typeof input} ${Object.prototype.toString.call(input)}`;
    return JSON.stringify([...input.entries()].map(([k, v]) => [k.slice(0, 40), typeof v === "string" ? `${JSON.stringify(v.slice(0, 40))} (${v.length})` : `File ${v.name} ${v.size}`]));
  } catch {
    return `${typeof input} (går inte att läsa)`;
  }
}

// Swedish: å, ä or ö, or a few common Swedish words; never an English library text.
const SWEDISH = /[åäöÅÄÖ]|(^|[\s(])(en|ett|och|att|som|om|eller|inte|ingen|inga|inget|nytt|alla|redan|hade|finns|ange|skriv|saknas|uppgift|fel|ladda|kan|ska|den|det|du|din|ditt|har|sidan|igen|ogiltig|ogiltigt)(?=[\s.,:;!?)]|$)/i;
const ENGLISH = /\b(the|invalid|expected|received|must|error|undefined|null|object|string|number|cannot|failed|too|small|big|input)\b/i;
// What the user wrote may be quoted in a message ("x" är inte ett heltal); the rest must be Swedish.
const isSwedish = (text: unknown) => typeof text === "string" && text.trim() !== "" && SWEDISH.test(text) && !ENGLISH.test(text.replace(/"[^"]*"/g, ""));

type Outcome = { refused: true } | { refused: false; why: string } | { succeeded: true };

/** Judges one call: a refusal with a Swedish message, a redirect to sign-in, "no access" or a known error code, or a success. */
function judge(result: unknown, thrown: unknown): Outcome | { failure: string } {
  if (thrown !== undefined) {
    if (!(thrown instanceof Error) || !("signal" in thrown)) return { failure: `kastade ${thrown instanceof Error ? thrown.name : typeof thrown}: ${String(thrown instanceof Error ? thrown.message : thrown).slice(0, 200)}` };
    const signal = thrown as Signal;
    if (signal.signal === "notFound") return { refused: true };
    const url = signal.url ?? "";
    if (!url.startsWith("/") || url.startsWith("//")) return { failure: `omdirigerade utanför webbplatsen: ${url}` };
    if (url === "/logga-in" || url === "/ingen-behorighet") return { refused: true };
    const parsed = new URL(url, "http://x.invalid");
    if (Object.hasOwn(FLASH_PAGES, parsed.pathname)) {
      const flash = flashText(FLASH_PAGES[parsed.pathname]!, parsed.searchParams.get(FLASH_PARAM));
      if (!flash) return { failure: `okänd statuskod i ${url}` };
      if (flash.text === UNEXPECTED_ERROR) return { failure: "oväntat fel (500)" };
      return flash.error ? { refused: true } : { succeeded: true };
    }
    return { succeeded: true };
  }
  if (result === null || typeof result !== "object") return { failure: `gav ${String(result)}` };
  const state = result as { ok?: unknown; message?: unknown; errors?: Record<string, unknown>; details?: unknown };
  if (state.message === UNEXPECTED_ERROR) return { failure: "oväntat fel (500)" };
  if (!isSwedish(state.message)) return { failure: `meddelandet är inte svenska: ${JSON.stringify(state.message)?.slice(0, 200)}` };
  for (const [field, messages] of Object.entries(state.errors ?? {})) {
    if (!Array.isArray(messages) || !messages.every(isSwedish)) return { failure: `fältfelet för ${field} är inte svenska: ${JSON.stringify(messages).slice(0, 200)}` };
  }
  if (state.details !== undefined && (!Array.isArray(state.details) || !state.details.every((d) => typeof d === "string"))) return { failure: "details är inte en lista med texter" };
  if (state.ok === true) return { succeeded: true };
  if (state.ok !== false) return { failure: `ok är ${String(state.ok)}` };
  return { refused: true };
}

describe("every server action refuses malformed calls", () => {
  let t: TestDatabase;
  let identities: { name: string; user: SessionUser | null }[];
  let ids: Ids;
  let actions: Discovered[];

  beforeAll(async () => {
    // One database for the whole file; PostgreSQL, which answers these many small queries faster than PGlite here.
    t = await createTestDatabase("postgres");
    session.db = t.db;
    // One signed-in user for each role (the first by e-mail), and signed out.
    identities = [{ name: "utloggad", user: null }];
    for (const role of Object.values(Role)) {
      const holder = await t.db.user.findFirst({ where: { active: true, roleAssignments: { some: { role } } }, orderBy: { email: "asc" } });
      if (holder) identities.push({ name: role, user: await actorFor(t.db, holder.email) });
    }
    // Real ids from every table, so that lookups find rows and the checks after them run too.
    const tables = await t.db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' ORDER BY table_name`,
    );
    ids = [];
    for (const { table_name } of tables) {
      const rows = await t.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table_name}" ORDER BY id LIMIT 4`);
      ids.push(...rows.map((r) => r.id));
    }
    actions = await discoverActions();
  });
  afterAll(() => t?.close());

  it("finds every exported action of every actions.ts under app/", async () => {
    expect(identities.map((i) => i.name)).toEqual(["utloggad", ...Object.values(Role)]);
    // Each "use server" file is an actions.ts (a server action elsewhere would escape this test).
    const useServer = sourceFiles.filter((f) => /^\s*["']use server["']/m.test(readFileSync(path.join(root, f), "utf8")));
    expect(useServer.sort()).toEqual(actionFiles);
    for (const file of actionFiles) {
      const exported = [...readFileSync(path.join(root, file), "utf8").matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => m[1]);
      expect(actions.filter((a) => a.file === file).map((a) => a.name).sort()).toEqual(exported.sort());
    }
    expect(actions.length).toBeGreaterThanOrEqual(25);
  });

  it(`gives ${INPUTS_PER_ACTION} malformed calls per action, as each role and signed out, a Swedish refusal and changes nothing`, async () => {
    const failures: string[] = [];
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const { file, name, action, fields } of actions) {
      const seed = seedOf(`${file}#${name}`);
      const rnd = mulberry32(seed);
      const before = await fullHash(t.db);
      let baseline = await fingerprint(t.db);
      let wal = await walPosition(t.db);
      const failuresBefore = failures.length;
      let refusedInputs = 0;
      let succeeded = 0;
      for (let index = 0; refusedInputs < INPUTS_PER_ACTION && index < INPUTS_PER_ACTION * 2; index++) {
        const input = generate(rnd, fields, ids);
        let accepted = false;
        for (const identity of identities) {
          session.user = identity.user;
          let result: unknown;
          let thrown: unknown;
          try {
            // A form action takes (previous state, form data); a plain form post (postAction) only the form data.
            result = await (action.length === 1 ? action(input) : action(null, input));
          } catch (error) {
            thrown = error;
          }
          const outcome = judge(result, thrown);
          if ("failure" in outcome) failures.push(`${name} (${file}) som ${identity.name}, indata ${index} (frö ${seed}): ${outcome.failure}; ${describeInput(input)}`);
          if ("succeeded" in outcome) accepted = true;
        }
        if (accepted) {
          // A generated input that happens to be valid (a real id alone, say) is not malformed: it may change the database.
          succeeded++;
          baseline = await fingerprint(t.db);
          wal = await walPosition(t.db);
          continue;
        }
        refusedInputs++;
        const now = await walPosition(t.db);
        if (now === wal) continue;
        wal = now;
        if (JSON.stringify(await fingerprint(t.db)) !== JSON.stringify(baseline)) failures.push(`${name} (${file}), indata ${index} (frö ${seed}): databasen ändrades; ${describeInput(input)}`);
        if (failures.length - failuresBefore > 5) break;
      }
      if (failures.length > failuresBefore) continue;
      expect.soft(refusedInputs, `${name}: för få felaktiga anrop`).toBeGreaterThanOrEqual(INPUTS_PER_ACTION);
      expect.soft(succeeded, `${name}: för många genererade anrop lyckades`).toBeLessThan(INPUTS_PER_ACTION / 4);
      if (succeeded === 0) expect.soft(await fullHash(t.db), `${name}: databasen ändrades`).toBe(before);
    }
    quiet.mockRestore();
    expect(failures).toEqual([]);
  }, 600_000);

  // Issue 30: after every call above, no text of any table holds a personnummer (lib/personal-data.ts), whatever got in.
  it("leaves no personnummer in any text column of any table", async () => {
    const { identityNumberPaths } = await import("@/lib/personal-data");
    const { isAppMade } = await import("@/lib/forms");
    const columns = await t.db.$queryRawUnsafe<{ table_name: string; column_name: string; data_type: string }[]>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY') AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      // Hashes and ids are what the app made (a random hex run can look like anything).
      if (/hash$|^id$|Id$/i.test(column_name)) continue;
      const rows = await t.db.$queryRawUnsafe<{ v: unknown }[]>(`SELECT to_jsonb("${column_name}") AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`);
      const strip = (v: unknown): unknown => (typeof v === "string" ? (isAppMade(v) ? "" : v) : Array.isArray(v) ? v.map(strip) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v);
      const hits = rows.filter((row) => identityNumberPaths(strip(row.v)).length > 0).length;
      if (hits > 0) found.push(`${table_name}.${column_name}: ${hits} rader`);
    }
    expect(found).toEqual([]);
  });
});
