/**
 * What a wheel's panel fetches when it opens (the start page's task, /arshjul's texts and links): the answer's JSON,
 * "none" when the server says the user may not see it or it is gone (403, 404), "failed" for anything else (no
 * network, another kind of answer). Never cached: a panel shows the state as it is now.
 */
export async function fetchPanelJson<T extends object>(href: string): Promise<T | "none" | "failed"> {
  try {
    const response = await fetch(href, { headers: { accept: "application/json" }, cache: "no-store" });
    if (response.status === 403 || response.status === 404) return "none";
    if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) return "failed";
    return (await response.json()) as T;
  } catch {
    return "failed";
  }
}
