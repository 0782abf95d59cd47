/** `npm run build`: `next build` with telemetry off, recording what it was built from so that `npm start` can tell a stale build. */
import "./load-env.ts";
import { buildApp } from "./build-fingerprint.ts";
import { REPO_ROOT } from "./env-files.ts";

process.exit(buildApp(REPO_ROOT, process.env.NEXT_DIST_DIR || ".next"));
