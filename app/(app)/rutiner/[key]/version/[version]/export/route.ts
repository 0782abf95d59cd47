import { canAny } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getRoutineExport } from "@/lib/routines/export";

export const dynamic = "force-dynamic";

/** Download of one routine version as arshjulet-rutin/1 JSON. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string; version: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Logga in för att exportera rutiner.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!canAny(user, "routine:manage")) return new Response("Du har inte behörighet att exportera rutiner.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { key, version } = await params;
  const file = await getRoutineExport(user, key, Number(version));
  if (!file) return new Response("Versionen finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(file.json, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
