import { isIP } from "node:net";

/** The address a failed sign-in is counted against when the request carries none (a closed socket). */
export const UNKNOWN_ADDRESS = "okänd";

// "::ffff:10.0.0.1" is how a dual-stack socket reports an IPv4 peer; count it as the IPv4 address it is.
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/**
 * The client's address for the sign-in throttle. `peer` is the socket's remote address; `forwardedFor` the
 * X-Forwarded-For header; `trustedProxies` how many proxies of our own stand in front of the app (0: none).
 * The hops are the header's entries followed by the peer; the proxies we trust are the last `trustedProxies` of
 * them, and each appends the address it saw, so the client is the hop just left of them. Anything further left
 * was written by the client and is never read. With fewer hops than that (a request past the proxies) the
 * left-most hop is used. A hop that is not an IP address is a broken or forged header: the peer is used instead.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const socket = peer ? normalise(peer) : undefined;
  if (trustedProxies <= 0) return socket || UNKNOWN_ADDRESS;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = [...header.split(",").map(normalise).filter(Boolean), ...(socket ? [socket] : [])];
  if (hops.length === 0) return UNKNOWN_ADDRESS;
  const chosen = hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
  return isIP(chosen) ? chosen : socket || UNKNOWN_ADDRESS;
}
