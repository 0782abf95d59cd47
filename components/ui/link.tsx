import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to another page of the app, navigated on the client like next/link, but never prefetched: every page
 * is dynamic and behind sign-in, so a prefetch brings only the route's shell, and with 15–20 links on a page
 * it cost the server as many requests per page view (see docs/decisions/005-no-link-prefetch.md).
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
