import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appDirPatterns, createRouteMatcher, formatConsoleLine, formatRequestLine, installRequestLog, maskPersonalData, publicFileNames, REQUEST_ID_HEADER,
} from "@/lib/request-log";

// Issue 34, item 7: one line per request with the route's pattern (never the address), status, ms and a request id.
const ROOT = path.resolve(import.meta.dirname, "../..");
const FEED_TOKEN = "aB3_dE5-gH7iJ9kL1mN3oP5qR7sT9uV1wX3yZ5aB7cD";

describe("route patterns", () => {
  const match = createRouteMatcher(appDirPatterns(path.join(ROOT, "app")), publicFileNames(ROOT));

  it("names the app's route for a path, never the path's own values", () => {
    expect(match(`/kalender/${FEED_TOKEN}.ics`)).toBe("/kalender/[token]");
    expect(match("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(match("/api/health")).toBe("/api/health");
    expect(match("/")).toBe("/");
    expect(match("/resultat/enhet/u-123/excel")).toBe("/resultat/enhet/[unitId]/excel");
    expect(match("/rutiner/kvalitetsgranskning/version/3/export")).toBe("/rutiner/[key]/version/[version]/export");
    expect(match("/_next/static/chunks/abc123.js")).toBe("/_next/[...]");
    expect(match(`/nytt-losenord/${FEED_TOKEN}`)).not.toContain(FEED_TOKEN);
    expect(match(`/no/such/${FEED_TOKEN}`)).toBe("[okänd]");
  });

  it("prefers a literal segment to a dynamic one, and a dynamic one to a catch-all", () => {
    const m = createRouteMatcher(["/a/[x]", "/a/b", "/a/[...rest]", "/[[...all]]"]);
    expect(m("/a/b")).toBe("/a/b");
    expect(m("/a/c")).toBe("/a/[x]");
    expect(m("/a/c/d")).toBe("/a/[...rest]");
    expect(m("/z/y")).toBe("/[[...all]]");
  });
});

describe("masking", () => {
  it("masks e-mail addresses, tokens and database addresses, and keeps ordinary words", () => {
    const text = `Sign-in failed for admin@arshjulet.example with ${FEED_TOKEN} on postgresql://u:secret@db:5432/x in Hemtjänst`;
    expect(maskPersonalData(text)).toBe("Sign-in failed for [e-post] with [token] on postgresql://… in Hemtjänst");
  });
});

describe("a server with the request log", () => {
  let server: Server;
  let base: string;
  const lines: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith("/kalender/")) {
        res.setHeader("Content-Type", "text/calendar");
        res.end("BEGIN:VCALENDAR");
        return;
      }
      // An error while handling: logged with the same request id, on one line.
      setTimeout(() => {
        errors.push(formatConsoleLine("error", ["Server action failed:", new Error(`kunde inte nå chef@arshjulet.example\nrad två`)], "json"));
        res.statusCode = 500;
        res.end("fel");
      }, 5);
    });
    installRequestLog(server, { format: "json", matchRoute: createRouteMatcher(["/kalender/[token]", "/oversikt"]), write: (line) => lines.push(line) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("writes one JSON line per request with the route pattern, status, ms and the id sent as X-Request-Id", async () => {
    const response = await fetch(`${base}/kalender/${FEED_TOKEN}.ics?x=admin@arshjulet.example`);
    expect(response.status).toBe(200);
    const id = response.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    await expect.poll(() => lines.length).toBe(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(["level", "method", "ms", "requestId", "route", "status", "time"]);
    expect(line).toMatchObject({ method: "GET", route: "/kalender/[token]", status: 200, requestId: id });
    expect(typeof line.ms).toBe("number");
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(lines[0]).not.toContain(FEED_TOKEN);
    expect(lines[0]).not.toContain("@");
  });

  it("writes an error while handling as one line with the request's id, without the e-mail", async () => {
    const response = await fetch(`${base}/oversikt`, { method: "POST", body: "email=chef%40arshjulet.example" });
    expect(response.status).toBe(500);
    const id = response.headers.get(REQUEST_ID_HEADER);
    await expect.poll(() => lines.length).toBe(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ method: "POST", route: "/oversikt", status: 500, requestId: id });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.split("\n")).toHaveLength(1);
    const error = JSON.parse(errors[0]!) as Record<string, unknown>;
    expect(error).toMatchObject({ level: "error", requestId: id, message: "Server action failed: Error: kunde inte nå [e-post]\nrad två" });
    expect(errors[0]).not.toContain("chef@");
  });

  it("writes Next's coloured error lines without the colours in JSON", () => {
    const line = JSON.parse(formatConsoleLine("error", ["\x1b[31m\x1b[1m⨯\x1b[22m\x1b[39m Fel"], "json", "abc")) as { message: string };
    expect(line.message).toBe("⨯ Fel");
  });

  it("writes a terse text line by default", () => {
    const line = { time: "2026-12-06T10:00:00.000Z", method: "GET", route: "/kalender/[token]", status: 200, ms: 12, requestId: "abc" };
    expect(formatRequestLine(line, "text")).toBe("2026-12-06T10:00:00.000Z GET /kalender/[token] 200 12 ms id=abc");
    expect(formatConsoleLine("error", ["Något gick fel"], "text", "abc")).toBe("[id=abc] Något gick fel");
  });
});
