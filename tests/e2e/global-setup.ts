/**
 * Starts the app servers of tests/e2e/servers.ts side by side on the production build, each on an embedded
 * database of its own seeded as of its today (prepared in one process by prepare-databases.ts). Never DATABASE_URL, so the browser tests cannot touch a real database.
 * Returns the teardown.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { dataDirOf, OIDC_PROVIDER_PORT, PREPARED_STAMP, prepareDatabasesArgs, serverEnv, SERVERS, type Server } from "./servers";
import { startFakeKolada } from "../support/fake-kolada";
import { E2E_KOLADA } from "./kolada-data";

const root = path.resolve(import.meta.dirname, "../..");
const dataRoot = path.join(root, ".data");
// An empty DATABASE_URL means "embedded" (lib/env.ts).
const embedded = (dataDir: string) => ({ ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" });


function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv, what: string) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${what} misslyckades; webbläsartesterna kan inte starta.`);
}

async function waitUntilServing(server: Server, child: ChildProcess, log: string) {
  const url = `http://127.0.0.1:${server.port}/logga-in`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-30).join("\n") : "";
  throw new Error(`Servern ${server.name} (${url}) startade inte:\n${tail}`);
}

export default async function globalSetup() {
  const started = Date.now();
  // The servers run the production build; build it once here rather than letting them race to build it.
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) runOrThrow(path.join(root, "node_modules", ".bin", "next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, "next build");

  mkdirSync(dataRoot, { recursive: true });
  // `npm test` prepares the databases while the other tests run and says so; otherwise prepare them now.
  const args = prepareDatabasesArgs();
  const prepared = process.env.E2E_DATABASES_PREPARED === "1" && existsSync(PREPARED_STAMP) && readFileSync(PREPARED_STAMP, "utf8") === JSON.stringify(args.slice(3));
  if (!prepared) runOrThrow(process.execPath, args, process.env, "Förberedelsen av testdatabaserna");
  // The servers will change these databases: a later run must prepare them again.
  rmSync(PREPARED_STAMP, { force: true });

  // The servers fetch "from Kolada" here (KOLADA_BASE_URL): a fake on a loopback port, never the real API.
  const kolada = await startFakeKolada(E2E_KOLADA);
  const children: ChildProcess[] = [];
  // The municipal sign-in server's identity provider, up before that server (in this process, for the whole run).
  const oidcServers = SERVERS.filter((server) => "oidc" in server);
  const stopProvider = oidcServers.length > 0 ? await (await import("./oidc-provider")).startOidcProvider(OIDC_PROVIDER_PORT, oidcServers.map((server) => `http://127.0.0.1:${server.port}`)) : async () => {};
  const stopAll = async () => {
    await kolada.close();
    await stopProvider();
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    await Promise.all(
      SERVERS.map((server) => {
        const dataDir = dataDirOf(server);
        const log = path.join(dataRoot, `e2e-${server.port}.log`);
        const env = { ...embedded(dataDir), PORT: String(server.port), ARSHJULET_TODAY: server.today, NEXTAUTH_URL: `http://127.0.0.1:${server.port}`, KOLADA_BASE_URL: kolada.baseUrl, ...serverEnv(server) };
        // The first server starts through the real start script (npm start), the others straight on the build.
        const [command, args] = server === SERVERS[0] ? [process.execPath, ["--import", "tsx", "scripts/start.ts"]] : [path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(server.port)]];
        const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
        const out = createWriteStream(log);
        child.stdout!.pipe(out);
        child.stderr!.pipe(out);
        children.push(child);
        return waitUntilServing(server, child, log);
      }),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  console.log(`${SERVERS.length} servrar startade på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return stopAll;
}
