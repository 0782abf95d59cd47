import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { SEEDED_TODAY } from "../support/today";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function sheetsOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

describe.each(DATABASE_KINDS)("the Excel and CSV downloads on %s", (kind) => {
  let t: TestDatabase;
  let current: SessionUser | null = null;
  const as = async (email: string | null) => {
    current = email ? await actorFor(t.db, email) : null;
  };
  let routes: Record<"oversikt" | "brukarbrev" | "brukarbrevCsv" | "resultat" | "granskning" | "logg", Handler>;
  let larkan: string;
  let hagen: string;
  /** Calls a route as the current user: path is the URL path and query, params the route's dynamic segments. */
  const get = (route: keyof typeof routes, path: string, params: Record<string, string> = {}) =>
    routes[route](new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    hagen = (await t.db.unit.findFirstOrThrow({ where: { name: "Hagen" } })).id;
    vi.resetModules();
    vi.doMock("@/lib/auth/session", () => ({ getSessionUser: async () => current }));
    vi.doMock("@/lib/db", async (orig) => ({ ...(await orig<object>()), getDb: () => t.db }));
    routes = {
      oversikt: (await import("@/app/(app)/oversikt/excel/route")).GET as Handler,
      brukarbrev: (await import("@/app/(app)/brukarbrev/oversikt/excel/route")).GET as Handler,
      brukarbrevCsv: (await import("@/app/(app)/brukarbrev/oversikt/export/route")).GET as Handler,
      resultat: (await import("@/app/(app)/resultat/enhet/[unitId]/excel/route")).GET as Handler,
      granskning: (await import("@/app/(app)/kvalitetsgranskning/[year]/sammanstallning/excel/route")).GET as Handler,
      logg: (await import("@/app/(app)/logg/excel/route")).GET as Handler,
    };
  });
  afterAll(async () => {
    vi.doUnmock("@/lib/auth/session");
    vi.doUnmock("@/lib/db");
    await t?.close();
  });

  it("asks a signed-out visitor to sign in, on every download", async () => {
    await as(null);
    const responses = await Promise.all([
      get("oversikt", "/oversikt/excel"),
      get("brukarbrev", "/brukarbrev/oversikt/excel"),
      get("brukarbrevCsv", "/brukarbrev/oversikt/export"),
      get("resultat", `/resultat/enhet/${larkan}/excel`, { unitId: larkan }),
      get("granskning", "/kvalitetsgranskning/2025/sammanstallning/excel", { year: "2025" }),
      get("logg", "/logg/excel"),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await responses[0]!.text()).toBe("Logga in för att ladda ner filen.");
  });

  it("refuses an enhetschef the verksamhet's downloads, and gives only the own unit's results", async () => {
    await as("enhetschef@arshjulet.example");
    const refused = await Promise.all([
      get("oversikt", "/oversikt/excel"),
      get("brukarbrev", "/brukarbrev/oversikt/excel"),
      get("brukarbrevCsv", "/brukarbrev/oversikt/export"),
      get("granskning", "/kvalitetsgranskning/2025/sammanstallning/excel", { year: "2025" }),
      get("logg", "/logg/excel"),
    ]);
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await refused[4]!.text()).toMatch(/behörighet/);
    const own = await get("resultat", `/resultat/enhet/${larkan}/excel`, { unitId: larkan });
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe(XLSX);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment; filename="resultat-larkan-\d{4}\.xlsx"$/);
    const ws = (await sheetsOf(own)).worksheets[0]!;
    expect(ws.getCell("C1").value).toBe("Lärkan");
    const { area } = await t.db.unit.findUniqueOrThrow({ where: { id: larkan }, select: { area: { select: { organisationId: true } } } });
    expect(ws.rowCount).toBe(1 + (await t.db.indicator.count({ where: { organisationId: area.organisationId } })));
    expect((await get("resultat", `/resultat/enhet/${hagen}/excel`, { unitId: hagen })).status).toBe(404);
  });

  it("gives the verksamhetschef the heat map, the brukarbrev overview beside its CSV and the audit log of the filter", async () => {
    await as("verksamhetschef@arshjulet.example");
    const heat = await get("oversikt", "/oversikt/excel?ar=2026");
    expect(heat.status).toBe(200);
    expect(heat.headers.get("Content-Disposition")).toBe('attachment; filename="oversikt-2026.xlsx"');
    const [shares, , overdue] = (await sheetsOf(heat)).worksheets;
    // The 2026 cycle's months, from December 2025 (the brukarundersökning starts in December).
    expect(shares!.getRow(1).getCell(3).value).toBe("December");
    expect(shares!.getRow(1).getCell(4).value).toBe("Januari");
    expect(shares!.rowCount - 1).toBe(await t.db.unit.count({ where: { active: true } }));
    // Every försenad task of the cycle, also beyond the page's list of the oldest.
    const lateTasks = await t.db.task.count({ where: { cycle: { year: 2026 }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, dueOn: { lt: SEEDED_TODAY } } });
    expect(lateTasks).toBeGreaterThan(0);
    expect(overdue!.name).toBe("Försenade");
    expect(overdue!.rowCount - 1).toBe(lateTasks);

    const letters = await get("brukarbrev", "/brukarbrev/oversikt/excel?ar=2026");
    expect(letters.headers.get("Content-Disposition")).toBe('attachment; filename="brukarbrev-2026.xlsx"');
    const sheet = (await sheetsOf(letters)).worksheets[0]!;
    expect(sheet.getCell("C1").value).toBe("Brukarbrev 1 skickat");
    const sent = [3, 7, 11, 15].flatMap((c) => sheet.getColumn(c).values.slice(2));
    expect(sent.some((v) => v instanceof Date)).toBe(true);
    expect(sent.every((v) => v === null || v === undefined || v instanceof Date)).toBe(true);
    const csv = await get("brukarbrevCsv", "/brukarbrev/oversikt/export?ar=2026");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).startsWith("Område;Enhet;Brukarbrev 1 skickat")).toBe(true);

    for (const unitId of [larkan, larkan, hagen]) {
      await t.db.auditEntry.create({ data: { actorId: current!.id, action: "task.status", entityType: "Task", entityId: "t", unitId, at: new Date("2026-03-31T22:30:00Z") } });
    }
    const all = (await sheetsOf(await get("logg", "/logg/excel"))).worksheets[0]!;
    const onlyLarkan = await get("logg", `/logg/excel?enhet=${larkan}`);
    expect(onlyLarkan.status).toBe(200);
    const filtered = (await sheetsOf(onlyLarkan)).worksheets[0]!;
    expect(filtered.rowCount).toBe(1 + (await t.db.auditEntry.count({ where: { unitId: larkan } })));
    expect(filtered.rowCount).toBeGreaterThanOrEqual(3);
    expect(filtered.rowCount).toBeLessThan(all.rowCount);
    expect(filtered.getColumn(4).values.slice(2).every((v) => v === "Lärkan")).toBe(true);
    expect(filtered.getCell("A2").type).toBe(ExcelJS.ValueType.Date);
    // 22:30 UTC on 31 March is half past midnight on 1 April in Sweden.
    expect(filtered.getColumn(1).values.some((v) => v instanceof Date && v.toISOString() === "2026-04-01T00:30:00.000Z")).toBe(true);
    // The verksamhetschef sees no case data of the quality review.
    expect((await get("granskning", "/kvalitetsgranskning/2025/sammanstallning/excel", { year: "2025" })).status).toBe(403);
  });

  it("gives the kvalitetshandläggare the review summary of a year, and 404 for a year without one", async () => {
    await as("kvalitetshandlaggare@arshjulet.example");
    const response = await get("granskning", "/kvalitetsgranskning/2025/sammanstallning/excel", { year: "2025" });
    expect(response.status).toBe(200);
    const wb = await sheetsOf(response);
    const first = wb.worksheets[0]!;
    const row = first.getRow(first.getColumn(1).values.indexOf("Avvikande från beställningen"));
    expect([row.getCell(2).value, row.getCell(3).value]).toEqual([6, 0.3]);
    expect(wb.getWorksheet("Jämfört med tidigare år")!.getColumn(1).values.slice(2)).toEqual([2025, 2024]);
    expect((await get("granskning", "/kvalitetsgranskning/2031/sammanstallning/excel", { year: "2031" })).status).toBe(404);
    expect((await get("logg", "/logg/excel")).status).toBe(403);
  });
});
