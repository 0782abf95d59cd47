import { getDb } from "@/lib/db";
import { checkReadiness } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers within a second and every migration has run, else 503 with a reason code. */
export async function GET(): Promise<Response> {
  const result = await checkReadiness(getDb());
  const body = result.ok ? { status: "ready" } : { status: "unavailable", reason: result.reason };
  return Response.json(body, { status: result.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
