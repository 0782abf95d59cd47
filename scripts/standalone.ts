/**
 * The production install (issue 34): Next's standalone output made complete, so that a server needs only the
 * directory `<distDir>/standalone` and Node.js, no checkout and no `npm ci`.
 *
 * `next build` writes `<distDir>/standalone` with server.js and the node_modules files the server was traced to use;
 * as the Next.js docs require, the static files and public/ are copied in beside it. This adds what the server and
 * the commands read at run time from the project root (the migrations, which /api/ready compares with the database,
 * and the routine files the set-up reads), and the commands themselves compiled into plain JavaScript with esbuild:
 * `node scripts/serve.mjs` (the server, `server.js` in one process per core: scripts/serve.ts),
 * `node scripts/db.mjs migrate`, `node scripts/setup.mjs`, `node scripts/reminders.mjs`, `node scripts/kolada.mjs`,
 * `node scripts/reset-password.mjs`, and `node scripts/daily.mjs` and `node scripts/healthcheck.mjs` for containers.
 * They bundle their TypeScript and packages; only PGlite (whose WebAssembly and data files it loads from its own
 * package directory) and Prisma's schema engine (its .wasm file) stay packages, found in the standalone node_modules.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";

/** The commands compiled into `<standalone>/scripts/<name>.mjs`, each from `scripts/<name>.ts`. */
export const STANDALONE_COMMANDS = ["serve", "db", "setup", "reminders", "kolada", "reset-password", "daily", "healthcheck"] as const;
/** Packages the compiled commands load from node_modules rather than bundle. */
const EXTERNAL = ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg-native", "pg-cloudflare"];
/** Files and folders the server or the commands read from the project root at run time. */
const ROOT_FILES = ["public", "prisma/migrations", "prisma/schema.prisma", "prisma/seed/routine-brukarundersokning.json", "prisma/seed/routine-kvalitetssakring.json"];

export const standaloneDir = (root: string, distDir: string) => path.join(root, distDir, "standalone");

/**
 * In a bundle a module's import.meta is its output file's (an entry in scripts/ or a chunk in scripts/chunks/); a
 * module that finds files next to itself (`import.meta.dirname`) gets the folder it has in the project instead,
 * counted from scripts/ (the banner's __arshjuletScripts). "server-only" becomes an empty module, as under tsx with
 * scripts/allow-server-only.ts.
 */
function sourceDirnames(root: string): Plugin {
  return {
    name: "source-dirnames",
    setup(b) {
      b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
      b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const relative = path.relative(path.join(root, "scripts"), path.dirname(args.path)).split(path.sep).join("/");
        const source = readFileSync(args.path, "utf8");
        const contents = source.replaceAll("import.meta.dirname", `(__arshjuletScripts + ${JSON.stringify(relative ? `/${relative}` : "")})`);
        return { contents, loader: "ts" };
      });
    },
  };
}

/** Compiles the commands into `<outDir>/<name>.mjs`. */
export async function compileCommands(root: string, outDir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(STANDALONE_COMMANDS.map((name) => [name, path.join(root, "scripts", `${name}.ts`)])),
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // The commands share most of their code (Prisma, lib/): one copy in shared chunks.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules and read __dirname.
    banner: {
      js: [
        'import { createRequire as __arshjuletCreateRequire } from "node:module";',
        "const require = __arshjuletCreateRequire(import.meta.url);",
        "const __filename = new URL(import.meta.url).pathname;",
        'const __dirname = __filename.slice(0, __filename.lastIndexOf("/"));',
        // scripts/, where the entries are, also from a shared chunk in scripts/chunks/ (see sourceDirnames).
        'const __arshjuletScripts = __dirname.endsWith("/chunks") ? __dirname.slice(0, -"/chunks".length) : __dirname;',
      ].join(" "),
    },
    plugins: [sourceDirnames(root)],
    logLevel: "warning",
    legalComments: "none",
  });
}

/**
 * Makes `<distDir>/standalone` complete after `next build`: static files, public/, the migrations and routine files,
 * Prisma's schema engine and the compiled commands. Safe to run again; returns the directory.
 */
export async function completeStandalone(root: string, distDir: string): Promise<string> {
  const dir = standaloneDir(root, distDir);
  if (!existsSync(path.join(dir, "server.js"))) throw new Error(`${path.join(distDir, "standalone", "server.js")} saknas: bygg med output: "standalone" (next.config.ts).`);
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  };
  copy(path.join(root, distDir, "static"), path.join(dir, distDir, "static"));
  for (const file of ROOT_FILES) copy(path.join(root, file), path.join(dir, file));
  // Next's own server trace brings sharp for /_next/image, which images.unoptimized (next.config.ts) never serves.
  for (const unused of ["sharp", "@img"]) rmSync(path.join(dir, "node_modules", unused), { recursive: true, force: true });
  const engine = path.join("node_modules", "@prisma", "schema-engine-wasm");
  copy(path.join(root, engine), path.join(dir, engine));
  rmSync(path.join(dir, "scripts"), { recursive: true, force: true });
  mkdirSync(path.join(dir, "scripts"), { recursive: true });
  await compileCommands(root, path.join(dir, "scripts"));
  writeFileSync(path.join(dir, COMPLETED_FILE), buildId(root, distDir));
  return dir;
}

/** Written into the standalone directory once it is complete: the BUILD_ID it was completed for. */
const COMPLETED_FILE = "arshjulet-standalone-build";
const buildId = (root: string, distDir: string) => readFileSync(path.join(root, distDir, "BUILD_ID"), "utf8").trim();

/** Completes the standalone directory unless it already is for the current build (`next build` run straight); returns it. */
export async function ensureStandalone(root: string, distDir: string): Promise<string> {
  const marker = path.join(standaloneDir(root, distDir), COMPLETED_FILE);
  if (existsSync(marker) && readFileSync(marker, "utf8") === buildId(root, distDir)) return standaloneDir(root, distDir);
  return completeStandalone(root, distDir);
}
