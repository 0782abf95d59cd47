/**
 * The share page's throttle (issue 33): at most SHARE_THROTTLE.limit requests per token in a window of
 * SHARE_THROTTLE.windowSeconds, counted in this process's memory (proxy.ts calls it before the page reads the
 * database). A link shown on an intranet is read by many people a few times each; a script that hammers one token is
 * answered 429. The sign-in throttle (lib/auth/throttle.ts) counts failures in the database, which would cost a
 * write per page view here. Not server-only: proxy.ts loads it.
 */
export const SHARE_THROTTLE = { limit: 120, windowSeconds: 60, maxTokens: 10_000 } as const;

const windows = new Map<string, { start: number; count: number }>();

/** Counts one request for the token; false when the token has had its limit in the current window. */
export function allowShareRequest(token: string, now = Date.now()): boolean {
  const windowMs = SHARE_THROTTLE.windowSeconds * 1000;
  const entry = windows.get(token);
  if (!entry || now - entry.start >= windowMs) {
    // Forget finished windows before the map grows past its bound (many guessed tokens cannot fill the memory).
    if (windows.size >= SHARE_THROTTLE.maxTokens) {
      for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
      if (windows.size >= SHARE_THROTTLE.maxTokens) windows.delete(windows.keys().next().value!);
    }
    windows.set(token, { start: now, count: 1 });
    return true;
  }
  entry.count += 1;
  return entry.count <= SHARE_THROTTLE.limit;
}

/** How many tokens are counted now (tests). */
export const shareThrottleSize = (): number => windows.size;

/** Forgets every count (tests). */
export function resetShareThrottle(): void {
  windows.clear();
}
