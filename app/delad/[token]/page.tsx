import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedWheelView } from "@/components/share/shared-wheel-view";
import { getSharedWheel } from "@/lib/share/shared-wheel";
import { wheelParamsSchema } from "@/lib/wheel/schemas";

export const dynamic = "force-dynamic";

// Never in a search engine (the proxy also sends X-Robots-Tag), and no Referer with the token leaves the page.
export const metadata: Metadata = { title: "Delat årshjul", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The read-only årshjul behind a share link (issue 33), without sign-in: the secret token in the address is the only
 * credential. A malformed, unknown, revoked or expired token and a closed unit all get the same 404. Framing is
 * allowed here alone (proxy.ts, SHARE_FRAME_ANCESTORS), and the root layout leaves out the menu and footer.
 */
export default async function SharedWheelPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { year } = wheelParamsSchema.parse(await searchParams);
  const shared = await getSharedWheel(token, year);
  if (!shared) notFound();
  return <SharedWheelView data={shared.data} openYears={shared.openYears} token={token} />;
}
