/**
 * `npm run build`: `next build` with telemetry off, recording what it was built from so that `npm start` can tell a
 * stale build, then the standalone directory made complete (scripts/standalone.ts): `<distDir>/standalone` is the
 * whole production install (docs/drift.md).
 */
import "./load-env.ts";
import { buildApp } from "./build-fingerprint.ts";
import { REPO_ROOT } from "./env-files.ts";
import { completeStandalone } from "./standalone.ts";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const status = buildApp(REPO_ROOT, distDir);
if (status !== 0) process.exit(status);
console.log(`Produktionsinstallationen: ${await completeStandalone(REPO_ROOT, distDir)}`);
