import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

/** Liveness: the process runs. Touches no database (that is /api/ready). */
export function GET(): Response {
  return Response.json({ status: "ok", version: APP_VERSION }, { headers: { "cache-control": "no-store" } });
}
