import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 30: personnummer are refused wherever text is stored, by one function (lib/personal-data.ts) on the values as
 * stored, after every decoding. This test lists the ways text gets into the database and fails when a new one appears
 * that is not listed here with the way it is checked. A new write path: add it below, and make it call the check.
 */
const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...filesUnder(rel, match));
    } else if (match(entry.name)) out.push(rel);
  }
  return out.sort();
}

const sourceFiles = [...filesUnder("lib", (n) => /\.tsx?$/.test(n)), ...filesUnder("app", (n) => /\.tsx?$/.test(n)), ...filesUnder("scripts", (n) => /\.(ts|mjs)$/.test(n))];

/** The names by which a module runs the check (lib/personal-data.ts and its callers in lib/uploads.ts and lib/forms.ts). */
const CHECK = /\b(containsIdentityNumber|identityNumberPaths|cellProblem|textProblem|fieldsWithIdentityNumbers)\b/;

/**
 * Every module that writes to the database, and how the text it writes was checked:
 * - "form": its text comes only from a form field, through the action wrapper (lib/actions.ts), which checks every
 *   field (the wrapper itself is asserted below);
 * - "checks": it calls the check itself (asserted: the module names one of CHECK);
 * - "app": it writes only what the app made (ids, numbers, dates, statuses, copies of rows already checked).
 */
const WRITERS: Record<string, "form" | "checks" | "app"> = {
  "lib/audit/index.ts": "checks", // a safety net: redacts any text of before/after that holds one
  "lib/auth/throttle.ts": "app", // the e-mail of a sign-in attempt: lib/auth/credentials.ts refuses one that holds a number first
  "lib/calendar/feeds.ts": "app",
  "lib/cycles/follow-version.ts": "app",
  "lib/cycles/instantiate.ts": "app",
  "lib/cycles/mutations.ts": "form",
  "lib/letters/mutations.ts": "form",
  "lib/organisation/cycles.ts": "app", // a closed unit's open tasks become ej aktuell with the app's own reason
  "lib/organisation/mutations.ts": "form", // and the workbook's cells: readWorkbook (lib/organisation/workbook.ts, a DECODER) checks every cell
  "lib/reminders/job.ts": "app",
  "lib/reminders/mutations.ts": "form",
  "lib/results/indicators.ts": "form", // and a key derived from the name: lib/slug.ts checks
  "lib/results/kolada-settings.ts": "form",
  "lib/results/mutations.ts": "form", // and the file: readResultsFile (lib/results/import.ts, a DECODER) checks every cell
  "lib/review/mutations.ts": "form", // the case list: parseCaseList (lib/review/csv.ts) checks every cell
  "lib/routines/draft-mutations.ts": "form",
  "lib/routines/import.ts": "checks", // the parsed document's values (parseRoutineJson)
  "lib/routines/mutations.ts": "checks", // the routine file's text, escapes decoded
  "lib/routines/publish.ts": "app",
  "lib/setup/setup.ts": "checks", // npm run setup's names and e-mail come from the command line
  "lib/share/links.ts": "form", // a share link's name, through formAction
  "lib/tasks/local-activities.ts": "form",
  "lib/tasks/mutations.ts": "form",
  "lib/users/directory-mappings.ts": "form", // the admin's claim values, through postAction
  "lib/users/directory-roles.ts": "app", // roles and units from the admin's mapping rows, never the claim's text
  "lib/users/mutations.ts": "form",
  "lib/users/password-tokens.ts": "form", // a token's hash and a reset request's e-mail, through signedOutFormAction
  "lib/users/oidc.ts": "checks", // the provider's subject: a personnummer is stored as its digest
  "lib/users/sessions.ts": "app",
  "scripts/bench-support.ts": "app", // benchmark data, made up by the script
};

/** Every module that decodes text that may be stored (JSON, CSV, a workbook), and must check the decoded values. */
const DECODERS: Record<string, "checks" | "not stored"> = {
  "lib/audit/index.ts": "checks", // its own JSON copy of before/after
  "lib/export/xlsx.ts": "not stored", // writes workbooks, reads none
  "lib/request-log.ts": "not stored", // Next's routes manifest, for the route patterns the log names
  "lib/organisation/workbook.ts": "checks",
  "lib/results/csv.ts": "not stored", // the parser: its callers check the cells (below)
  "lib/results/import.ts": "checks",
  "lib/results/kolada.ts": "not stored", // Kolada's JSON: only numbers and ids are kept (kolada-import.ts)
  "lib/review/csv.ts": "checks",
  "lib/routines/import.ts": "checks",
  "lib/routines/limits.ts": "not stored", // only counts a routine file's activities; parseRoutineJson checks the values
  "scripts/bench-support.ts": "not stored",
  "scripts/cpu-profile-summary.ts": "not stored", // CPU profiles and source maps
  "scripts/load-main.ts": "not stored", // the server's answers and CPU profiles, only measured
  "scripts/measure-import-stall-main.ts": "not stored", // the server's CPU profiles, only measured
  "scripts/measure-bundles.ts": "not stored", // the build's manifests
  "scripts/test-all.ts": "not stored",
};

const WRITES = /\.(create|createMany|createManyAndReturn|update|updateMany|upsert)\(\s*\{/;
const DECODES = /JSON\.parse\(|\breadCsv\(|\bparseCsv\(|\.xlsx\.load\(|\.csv\.read\(|from "exceljs"|from "csv-parse|from "papaparse"/;

describe("write paths (issue 30)", () => {
  it("lists every module that writes to the database, with how its text is checked", () => {
    const writers = sourceFiles.filter((file) => !file.startsWith("app/") && WRITES.test(read(file)));
    expect(writers, "A new module writes to the database: add it to WRITERS with how its text is checked for personnummer").toEqual(Object.keys(WRITERS).sort());
  });

  it("has every module that says it checks name the check", () => {
    for (const [file, how] of Object.entries({ ...WRITERS, ...DECODERS })) if (how === "checks") expect(read(file), file).toMatch(CHECK);
  });

  it("lists every module that decodes text, and each that keeps it checks the decoded values", () => {
    const decoders = sourceFiles.filter((file) => DECODES.test(read(file)) && !file.endsWith(".test.ts"));
    expect(decoders, "A new module decodes text: add it to DECODERS, and check what it decodes with lib/personal-data.ts").toEqual(Object.keys(DECODERS).sort());
  });

  it("writes nothing from a page or route handler: app/ writes only through lib", () => {
    const writers = sourceFiles.filter((file) => file.startsWith("app/") && (WRITES.test(read(file)) || /getDb\(\)\.\w+\.(create|update|upsert)/.test(read(file))));
    expect(writers).toEqual([]);
  });

  it("has every server action go through the wrapper, which checks every form field", () => {
    const actionFiles = sourceFiles.filter((file) => /^\s*["']use server["']/m.test(read(file)));
    expect(actionFiles.length).toBeGreaterThan(10);
    for (const file of actionFiles) {
      const source = read(file);
      // Exported functions that bypass the wrapper: `export async function`, or an exported const that is not formAction/postAction.
      expect(source, `${file}: an action must be formAction(...) or postAction(...) from lib/actions.ts`).not.toMatch(/export\s+(async\s+)?function\s/);
      for (const [, name, value] of source.matchAll(/export\s+const\s+(\w+)\s*=\s*([^\n]*)/g)) {
        // Directly, or through a helper of the same file that is itself formAction(...) or postAction(...).
        const helper = /^(\w+)\(/.exec(value!)?.[1];
        // formPost(x) or formPost(x, onRefusal): a plain form post of another action x of the same file that is itself formAction(...).
        const posted = /^formPost\((\w+)[,)]/.exec(value!)?.[1];
        const wrapped =
          /^(formAction|postAction|signedOutFormAction)\b/.test(value!) ||
          (helper !== undefined && helper !== "formPost" && new RegExp(String.raw`const ${helper}\s*=[^;]{0,300}?\b(formAction|postAction)[<(]`).test(source)) ||
          (posted !== undefined && new RegExp(String.raw`export const ${posted}\s*=\s*formAction[<(]`).test(source));
        expect(wrapped, `${file}: ${name} must be formAction(...) or postAction(...) from lib/actions.ts`).toBe(true);
      }
    }
    // The wrapper itself checks every field (lib/actions.ts).
    expect(read("lib/actions.ts")).toMatch(/fieldsWithIdentityNumbers\(form\)/);
    // The signed-out pages' wrapper runs the same checks (runChecked), only without a session.
    expect(read("lib/actions.ts")).toMatch(/signedOutFormAction[^]*?runChecked\(/);
  });

  it("has no route handler that takes a body except the sign-in's (checked in lib/auth/credentials.ts)", () => {
    const routes = sourceFiles.filter((file) => file.endsWith("/route.ts"));
    const posting = routes.filter((file) => /export\s+(async\s+function\s+|const\s+|\{[^}]*\bas\s+)(POST|PUT|PATCH|DELETE)\b/.test(read(file)));
    expect(posting).toEqual(["app/api/auth/[...nextauth]/route.ts"]);
    expect(read("lib/auth/credentials.ts")).toMatch(/containsIdentityNumber\(email\)/);
  });
});
