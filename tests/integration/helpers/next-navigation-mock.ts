/**
 * `next/navigation` for server actions run outside Next: `redirect` throws an error carrying its URL, and
 * `unstable_rethrow` (what lib/actions.ts lets through instead of turning it into a failure) rethrows exactly that.
 * Use as `vi.mock("next/navigation", () => import("./helpers/next-navigation-mock"))`.
 */
export function redirect(url: string): never {
  throw Object.assign(new Error("redirect"), { url });
}

export function unstable_rethrow(error: unknown) {
  if (error instanceof Error && "url" in error) throw error;
}
