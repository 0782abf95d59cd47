import path from "node:path";
import nextEnv from "@next/env";

/** The repository's root: where `.env` and `.env.local` lie, as for `next start`. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Loads `.env`, `.env.local` (and their `.production` variants) from dir into process.env, the same files and order
 * as `next start`: a variable already in the environment wins over the files. Every command does this before it reads
 * any variable, so the app and its commands see one configuration.
 */
export function loadEnvFiles(dir: string = REPO_ROOT): void {
  nextEnv.loadEnvConfig(dir, false, { info: () => {}, error: console.error });
}

/** The port `npm start` serves on and the environment it gives `next start`: NEXTAUTH_URL defaults to that port. */
export function serverStartConfig(env: NodeJS.ProcessEnv): { port: string; env: NodeJS.ProcessEnv } {
  const port = env.PORT || "3000";
  // next-auth builds its redirects from NEXTAUTH_URL; default it to where this server listens.
  return { port, env: { ...env, NEXTAUTH_URL: env.NEXTAUTH_URL || `http://localhost:${port}` } };
}
