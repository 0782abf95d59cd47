import { getFeedCalendar } from "@/lib/calendar/feeds";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The public iCalendar feed that Outlook subscribes to. The secret token in the address is the only credential:
 * an unknown, malformed or revoked token gets the same 404 as a missing page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const body = await getFeedCalendar(token, getEnv().NEXTAUTH_URL ?? new URL(request.url).origin);
  if (body === null) return new Response("Kalendern finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="arshjulet.ics"',
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });
}
