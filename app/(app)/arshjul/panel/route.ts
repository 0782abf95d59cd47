import { wheelPanelMore } from "@/components/wheel/view";
import { canAny } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getWheelData } from "@/lib/wheel/data";
import { wheelParamsSchema } from "@/lib/wheel/schemas";

export const dynamic = "force-dynamic";

const plain = (message: string, status: number) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * What /arshjul's details panel shows beyond the page's data: every activity's description and late units' task
 * links (JSON { more: { [activity]: { text, links } } }), fetched the first time the panel shows an activity instead
 * of sent with the page for every activity (issue 35). The same query string as /arshjul and the same data and scope
 * (getWheelData): a user sees only the units' tasks the wheel itself would link.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return plain("Logga in för att se årshjulet.", 401);
  if (!canAny(user, "routine:read")) return plain("Du har inte behörighet till årshjulet.", 403);
  const data = await getWheelData(user, wheelParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  if (!data) return plain("Du har inte behörighet till årshjulet.", 403);
  return Response.json({ more: wheelPanelMore(data) }, { headers: { "Cache-Control": "no-store" } });
}
