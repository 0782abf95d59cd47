/**
 * The container and service files run only commands this project tests outside a container (issue 34: there is no
 * Docker daemon here, so nothing in the image may be a step no test has run). Every command in the Dockerfile,
 * compose.yaml and the systemd units of deploy/ must be one of TESTED, and each of TESTED's tests must run it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STANDALONE_COMMANDS } from "../../scripts/standalone.ts";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** A command (argv joined by spaces) → the files that run it and the text by which each does. */
const TESTED: Record<string, { file: string; runs: string }[]> = {
  // The production dependencies: by hand (too slow for every CI run), docs/drift.md records its figures.
  "npm ci --omit=dev --no-audit --no-fund": [{ file: "scripts/check-slim-install.ts", runs: '["ci", "--omit=dev", "--offline", "--no-audit", "--no-fund"]' }],
  // npm test builds with scripts/build.ts, which is `npm run build`.
  "npm run build": [
    { file: "scripts/test-all.ts", runs: '["--import", "tsx", "scripts/build.ts"]' },
    { file: "package.json", runs: '"build": "node --import tsx scripts/build.ts"' },
    { file: "scripts/check-slim-install.ts", runs: '["run", "build"]' },
  ],
  "node scripts/serve.mjs": [{ file: "tests/e2e/production-install.spec.ts", runs: 'spawn(process.execPath, ["scripts/serve.mjs"]' }],
  "node scripts/healthcheck.mjs": [{ file: "tests/e2e/production-install.spec.ts", runs: 'installCommand(["scripts/healthcheck.mjs"])' }],
  "node scripts/db.mjs migrate": [{ file: "tests/e2e/production-install.spec.ts", runs: 'installCommand(["scripts/db.mjs", "migrate"])' }],
  "node scripts/setup.mjs --help": [{ file: "tests/e2e/production-install.spec.ts", runs: 'installCommand(["scripts/setup.mjs", "--help"])' }],
  "node scripts/reminders.mjs": [{ file: "tests/e2e/production-install.spec.ts", runs: 'installCommand(["scripts/reminders.mjs"])' }],
  "node scripts/daily.mjs 06:30 scripts/reminders.mjs": [{ file: "tests/e2e/production-install.spec.ts", runs: '["scripts/daily.mjs", "06:30", "scripts/reminders.mjs"]' }],
};

/** The Dockerfile's instructions, continuation lines joined, comments left out. */
function dockerInstructions(text: string): { op: string; arg: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: (op ?? "").toUpperCase(), arg: rest.join(" ") };
    });
}

/** An exec-form (JSON array) or shell-form command as argv joined by spaces. */
const asCommand = (arg: string) => (arg.startsWith("[") ? (JSON.parse(arg) as string[]).join(" ") : arg.trim());

function dockerfileCommands(text: string): string[] {
  const commands: string[] = [];
  for (const { op, arg } of dockerInstructions(text)) {
    if (op === "RUN" || op === "CMD" || op === "ENTRYPOINT") commands.push(asCommand(arg));
    if (op === "HEALTHCHECK") commands.push(asCommand(arg.slice(arg.indexOf("CMD ") + 4)));
  }
  return commands;
}

/** compose.yaml's services that run the image: entrypoint + command, each a JSON-style flow sequence. */
function composeCommands(text: string): string[] {
  const commands: string[] = [];
  const blocks = text.split(/\n(?= {2}[a-z][\w-]*:\n)/);
  for (const block of blocks) {
    const entrypoint = /^\s+entrypoint: (\[.*\])$/m.exec(block)?.[1];
    const command = /^\s+command: (\[.*\])$/m.exec(block)?.[1];
    if (!entrypoint && !command) continue;
    commands.push([entrypoint, command].filter(Boolean).map((arg) => asCommand(arg!)).join(" "));
  }
  return commands;
}

const unitFiles = () => readdirSync(path.join(root, "deploy", "systemd")).filter((f) => /\.service$/.test(f));
function systemdCommands(text: string): string[] {
  return [...text.matchAll(/^Exec\w+=(.+)$/gm)].map((m) => m[1]!.trim().replace(/^\/usr\/bin\/node /, "node "));
}

describe("Dockerfile", () => {
  const text = read("Dockerfile");
  const instructions = dockerInstructions(text);

  it("runs only tested project commands", () => {
    const commands = dockerfileCommands(text);
    expect(commands).toEqual(["npm ci --omit=dev --no-audit --no-fund", "npm run build", "node scripts/healthcheck.mjs", "node scripts/serve.mjs"]);
    for (const command of commands) expect(Object.keys(TESTED), command).toContain(command);
  });

  it("builds in one stage and runs the standalone directory as a user other than root in another", () => {
    const stages = instructions.filter((i) => i.op === "FROM");
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const lastStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
    expect(lastStage.filter((i) => i.op === "COPY").map((i) => i.arg)).toEqual([expect.stringMatching(/^--from=build .*\/app\/\.next\/standalone \.\/$/)]);
    const user = lastStage.find((i) => i.op === "USER")?.arg;
    expect(user).toBeTruthy();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    // The user is set before the process starts.
    expect(lastStage.findIndex((i) => i.op === "USER")).toBeLessThan(lastStage.findIndex((i) => i.op === "CMD"));
    expect(lastStage.find((i) => i.op === "ENV")?.arg).toMatch(/NEXT_TELEMETRY_DISABLED=1/);
  });

  it("checks health on /api/health with Node (no curl in the image)", () => {
    expect(text).toMatch(/^HEALTHCHECK .*CMD \["node", "scripts\/healthcheck\.mjs"\]$/m);
    expect(read("scripts/healthcheck.ts")).toContain("/api/health");
  });

  it("uses a Node.js the project supports", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    const minimum = Number(/>=(\d+)/.exec(engines)![1]);
    for (const stage of instructions.filter((i) => i.op === "FROM")) expect(Number(/^node:(\d+)/.exec(stage.arg)?.[1])).toBeGreaterThanOrEqual(minimum);
  });

  it("copies only files that exist, and .dockerignore keeps secrets and builds out", () => {
    for (const { arg } of instructions.filter((i) => i.op === "COPY" && !i.arg.startsWith("--from"))) {
      for (const source of arg.split(/\s+/).slice(0, -1)) expect(() => read(source === "." ? "package.json" : source)).not.toThrow();
    }
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".env", ".env.*", "node_modules", ".next", ".data", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  const text = read("compose.yaml");

  it("runs only tested project commands", () => {
    const commands = composeCommands(text);
    expect(commands).toEqual(["node scripts/db.mjs migrate", "node scripts/setup.mjs --help", "node scripts/serve.mjs", "node scripts/daily.mjs 06:30 scripts/reminders.mjs"]);
    for (const command of commands) expect(Object.keys(TESTED), command).toContain(command);
  });

  it("has PostgreSQL 16 on a volume, and the app waits for the migrations", () => {
    expect(text).toMatch(/^ {4}image: postgres:16$/m);
    expect(text).toMatch(/^ {6}- pgdata:\/var\/lib\/postgresql\/data$/m);
    expect(text).toMatch(/^volumes:\n {2}pgdata:/m);
    expect(text).toMatch(/migrate:\n\s+condition: service_completed_successfully/);
  });
});

describe("deploy/systemd", () => {
  it("the units run only tested project commands", () => {
    expect(unitFiles().sort()).toEqual(["arshjulet-paminnelser.service", "arshjulet.service"]);
    const commands = unitFiles().flatMap((file) => systemdCommands(read(`deploy/systemd/${file}`)));
    expect(commands.sort()).toEqual(["node scripts/db.mjs migrate", "node scripts/reminders.mjs", "node scripts/serve.mjs"]);
    for (const command of commands) expect(Object.keys(TESTED), command).toContain(command);
  });

  it("the app restarts on failure and the timer starts the reminder service daily", () => {
    expect(read("deploy/systemd/arshjulet.service")).toMatch(/^Restart=on-failure$/m);
    expect(read("deploy/systemd/arshjulet.service")).toMatch(/^User=arshjulet$/m);
    expect(read("deploy/systemd/arshjulet-paminnelser.timer")).toMatch(/^OnCalendar=\*-\*-\* 06:30/m);
  });
});

describe("the tested commands", () => {
  it.each(Object.entries(TESTED))("%s is run by its tests", (command, tests) => {
    for (const { file, runs } of tests) expect(read(file), `${file} kör inte ${command}`).toContain(runs);
  });

  it("every compiled command is one that npm run build puts in the standalone directory", () => {
    for (const command of Object.keys(TESTED)) {
      for (const [, name] of command.matchAll(/scripts\/([\w-]+)\.mjs/g)) expect(STANDALONE_COMMANDS).toContain(name);
    }
  });

  it("the proxy examples append the address they saw, for TRUSTED_PROXIES", () => {
    expect(read("deploy/nginx.conf")).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(read("deploy/nginx.conf")).toContain("TRUSTED_PROXIES=1");
    expect(read("deploy/Caddyfile")).toContain("TRUSTED_PROXIES=1");
  });
});
