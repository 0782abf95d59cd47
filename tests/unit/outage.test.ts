import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { answerUnavailable, noteDatabaseAvailable, noteDatabaseUnavailable } from "@/lib/db/availability";
import { proxy } from "@/proxy";

// Issue 34: while a page has found the database unreachable, page views get a Swedish 503; one per second tries again.
const get = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => proxy(new NextRequest(`http://arshjulet.test${path}`, init));

describe("proxy during a database outage", () => {
  afterEach(() => noteDatabaseAvailable());

  it("renders pages normally when no outage is known", async () => {
    expect((await get("/checklista")).status).toBe(200);
  });

  it("answers page views 503 in Swedish with our headers, but not the health checks, files or server actions", async () => {
    noteDatabaseUnavailable();
    const page = await get("/checklista");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toBeTruthy();
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain("<h1>Årshjulet är tillfälligt otillgängligt</h1>");
    for (const path of ["/api/ready", "/api/health", "/arshjulet.svg"]) expect((await get(path)).status, path).toBe(200);
    expect((await get("/checklista", { method: "POST", body: "x", headers: { "next-action": "abc", "content-type": "text/plain" } })).status).not.toBe(503);
  });

  it("lets one view per interval through to try the database, and none after the outage", () => {
    noteDatabaseUnavailable(10_000);
    expect(answerUnavailable(10_500, 1000)).toBe(true);
    expect(answerUnavailable(11_000, 1000)).toBe(false); // this one tries
    expect(answerUnavailable(11_200, 1000)).toBe(true);
    expect(answerUnavailable(12_100, 1000)).toBe(false);
    noteDatabaseAvailable();
    expect(answerUnavailable(12_200, 1000)).toBe(false);
  });
});
