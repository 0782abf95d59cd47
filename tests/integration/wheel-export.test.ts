import { writeFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import type { SessionUser } from "@/lib/auth/session-user";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";

type Handler = (request: Request) => Promise<Response>;

/** The PNG's width and height from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** How many pixels of a PNG are not white (the PNG decoded by resvg's own PNG reader, through an <image>). */
function inkOf(png: Uint8Array, width: number, height: number): number {
  const href = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
  const pixels = new Resvg(svg, { background: "#ffffff" }).render().pixels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink += 1;
  return ink;
}

// One database kind: the routes' scoping is getWheelData's, which tests/integration/wheel.test.ts runs on both.
describe("the wheel's SVG and PNG downloads", () => {
  let t: TestDatabase;
  let current: SessionUser | null = null;
  const as = async (email: string | null) => {
    current = email ? await actorFor(t.db, email) : null;
  };
  let GET: Handler;
  const get = (query: string) => GET(new Request(`http://localhost:3000/arshjul/bild${query}`));
  let larkan: string;
  let hagen: string;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    hagen = (await t.db.unit.findFirstOrThrow({ where: { name: "Hagen" } })).id;
    vi.resetModules();
    vi.doMock("@/lib/auth/session", () => ({ getSessionUser: async () => current }));
    vi.doMock("@/lib/db", async (orig) => ({ ...(await orig<object>()), getDb: () => t.db }));
    GET = (await import("@/app/(app)/arshjul/bild/route")).GET as Handler;
  });
  afterAll(async () => {
    vi.doUnmock("@/lib/auth/session");
    vi.doUnmock("@/lib/db");
    await t?.close();
  });

  it("writes the page's own WheelSvg exactly as React's renderToStaticMarkup does, for every role", async () => {
    const { getWheelData } = await import("@/lib/wheel/data");
    const { WheelSvg } = await import("@/components/wheel/wheel-svg");
    const { svgMarkup } = await import("@/components/wheel/svg-markup");
    for (const role of ["verksamhetschef", "enhetschef", "kommunikator", "handlaggare", "admin"]) {
      const data = (await getWheelData(await actorFor(t.db, `${role}@arshjulet.example`), { year: 2026 }, t.db))!;
      const element = createElement(WheelSvg, { data, still: true });
      expect(svgMarkup(element), role).toBe(renderToStaticMarkup(element));
    }
  });

  it("asks a signed-out visitor to sign in", async () => {
    await as(null);
    expect((await get("?format=svg")).status).toBe(401);
  });

  it("gives the verksamhetschef the whole verksamhet's wheel as SVG with its title, year, date and names", async () => {
    await as("verksamhetschef@arshjulet.example");
    const response = await get("?format=svg&ar=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="arshjul-2026.svg"');
    const svg = await response.text();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("<title>Årshjulet 2026 – Alla enheter</title>");
    expect(svg).toContain("Helår · Läget den 23 november 2026");
    expect(svg).toMatch(/font-family="&#x27;DejaVu Sans&#x27;, [^"]*sans-serif"/);
    // Every activity of the wheel has its mark and its name.
    const activities = await t.db.activityTemplate.count({ where: { routineVersion: { status: "ACTIVE" }, ownerUnitId: null, startMonth: { not: null } } });
    expect(svg.match(/data-wheel-item="(?!survey|action:)/g)?.length).toBe(activities);
    expect(svg.match(/class="wheel-label"/g)?.length).toBe(activities);
  });

  it("draws the page's view and layers: a quarter's activities only, a hidden routine left out and named", async () => {
    await as("verksamhetschef@arshjulet.example");
    const year = await (await get("?format=svg&ar=2026")).text();
    const quarter = await get("?format=svg&ar=2026&vy=kvartal&kvartal=2");
    expect(quarter.headers.get("Content-Disposition")).toBe('attachment; filename="arshjul-2026-kvartal-2.svg"');
    const quarterSvg = await quarter.text();
    expect(quarterSvg).toContain("Kvartal 2: mars–maj");
    const marks = (s: string) => s.match(/data-wheel-item=/g)?.length ?? 0;
    expect(marks(quarterSvg)).toBeGreaterThan(0);
    expect(marks(quarterSvg)).toBeLessThan(marks(year));
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: "brukarundersokning-hemtjanst" } });
    const hidden = await (await get(`?format=svg&ar=2026&dolj=${routine.key}`)).text();
    expect(hidden).toContain(`Visas inte: ${routine.title}`);
    expect(marks(hidden)).toBeLessThan(marks(year));
  });

  it("gives an enhetschef their own unit's wheel and 404 for another unit, and 404 in another organisation", async () => {
    await as("enhetschef@arshjulet.example");
    const own = await get(`?format=svg&ar=2026&enhet=${larkan}`);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Disposition")).toBe('attachment; filename="arshjul-2026-larkan.svg"');
    expect(await own.text()).toContain("<title>Årshjulet 2026 – Lärkan</title>");
    const other = await get(`?format=png&ar=2026&enhet=${hagen}`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("Det finns inget sådant årshjul för dig.");

    const org = await t.db.organisation.create({ data: { slug: "norrby", name: "Norrby hemtjänst" } });
    const area = await t.db.area.create({ data: { organisationId: org.id, name: "Norrby", position: 0 } });
    const unit = await t.db.unit.create({ data: { areaId: area.id, name: "Norrbyenheten" } });
    const user = await t.db.user.create({ data: { organisationId: org.id, email: "vc@norrby.example", name: "Norrby VC" } });
    await t.db.roleAssignment.create({ data: { userId: user.id, role: "VERKSAMHETSCHEF", organisationId: org.id, unitId: null } });
    await as("vc@norrby.example");
    expect((await get(`?format=svg&enhet=${larkan}`)).status).toBe(404);
    const ownOrg = await get(`?format=svg&enhet=${unit.id}`);
    expect(ownOrg.status).toBe(200);
    expect(await ownOrg.text()).not.toContain("Lärkan");
  });

  it("draws the PNG with its text: the same wheel without text has clearly less ink", async () => {
    await as("koordinator@arshjulet.example");
    const response = await get("?format=png&ar=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="arshjul-2026-larkan.png"');
    const png = new Uint8Array(await response.arrayBuffer());
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    const { width, height } = pngSize(png);
    expect(width).toBe(2400);
    expect(height).toBeGreaterThan(1200);
    if (process.env.WHEEL_EXPORT_PNG) writeFileSync(process.env.WHEEL_EXPORT_PNG, png);
    // The same SVG drawn with its text removed: the names, months and heading are a large share of the ink.
    const svg = await (await get("?format=svg&ar=2026")).text();
    const bare = new Resvg(svg.replace(/<text[\s\S]*?<\/text>/g, ""), { fitTo: { mode: "width", value: 2400 }, background: "#ffffff" }).render().asPng();
    const withText = inkOf(png, width, height);
    const withoutText = inkOf(new Uint8Array(bare), width, height);
    expect(withText).toBeGreaterThan(withoutText * 1.1);
  });
});
