import type { NextConfig } from "next";
import { FRAMED_ELSEWHERE_SOURCE, securityHeaders } from "./lib/security-headers.ts";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/uploads.ts";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time,
  // so it must stay a plain Node dependency rather than be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@resvg/resvg-js"],
  // A server gets only what runs: .next/standalone (server.js and the traced node_modules) plus .next/static, public/
  // and prisma/migrations, copied in by scripts/standalone.ts (npm start, npm run build, the Dockerfile). See docs/drift.md.
  output: "standalone",
  // PGlite reads its WebAssembly and data files at run time through paths the tracer cannot follow: take them all.
  outputFileTracingIncludes: { "/**": ["./node_modules/@electric-sql/pglite/dist/*.{wasm,data}"] },
  // The app has no next/image: no image optimisation, so scripts/standalone.ts leaves sharp (about 20 MB) out of the install.
  images: { unoptimized: true },
  poweredByHeader: false,
  // A little above the largest file an upload accepts (lib/uploads.ts), so that a file just over its stated limit
  // gets the action's Swedish refusal instead of Next's dropped request.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  // Lets parallel checkouts of the test suite build side by side (scripts/start.ts reads the same variable).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks in a step of its own before it builds, and says so with this variable.
  typescript: { ignoreBuildErrors: process.env.ARSHJULET_TYPECHECKED === "1" },
  // Read when the app is built: HSTS follows the NEXTAUTH_URL of the build (see README, "I produktion").
  async headers() {
    // Every path but the share page's (issue 33), whose headers proxy.ts sets with its own frame-ancestors.
    return [{ source: FRAMED_ELSEWHERE_SOURCE, headers: securityHeaders(process.env.NEXTAUTH_URL) }];
  },
};

export default nextConfig;
