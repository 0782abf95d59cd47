import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { utcDate } from "@/lib/dates/cycle";
import { createShareLink, getShareOptions, hashShareToken, listShareLinks, revokeShareLink } from "@/lib/share/links";
import { getSharedWheel } from "@/lib/share/shared-wheel";
import { SharedWheelView } from "@/components/share/shared-wheel-view";
import { SEEDED_TODAY } from "../support/today";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

const MARKER = "HEMLIGMARKOR";
const ALL_LAYERS = ["atgarder", "enkat"];

/** The share page's HTML as the page renders it (app/delad/[token]/page.tsx renders SharedWheelView alone). */
function sharedHtml(shared: NonNullable<Awaited<ReturnType<typeof getSharedWheel>>>, token: string): string {
  return renderToStaticMarkup(createElement(SharedWheelView, { data: shared.data, openYears: shared.openYears, token }));
}

describe.each(DATABASE_KINDS)("share links on %s", (kind) => {
  let t: TestDatabase;
  let chef: SessionUser;
  let utvecklare: SessionUser;
  let enhetschef: SessionUser;
  let koordinator: SessionUser;
  let kommunikator: SessionUser;
  let admin: SessionUser;
  let larkan: string;
  let hagen: string;
  let routineKeys: string[];
  const create = (actor: Actor, over: Record<string, unknown> = {}) =>
    createShareLink(actor, { name: "Ledningsgruppen", scope: "verksamhet", layers: [...routineKeys, ...ALL_LAYERS], ...over }, t.db, SEEDED_TODAY);
  const tokenOf = (result: Awaited<ReturnType<typeof createShareLink>>) => {
    expect(result).toMatchObject({ ok: true });
    return (result as { token: string }).token;
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const as = (name: string) => actorFor(t.db, `${name}@arshjulet.example`);
    [chef, utvecklare, enhetschef, koordinator, kommunikator, admin] = [await as("verksamhetschef"), await as("utvecklare"), await as("enhetschef"), await as("koordinator"), await as("kommunikator"), await as("admin")];
    larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    hagen = (await t.db.unit.findFirstOrThrow({ where: { name: "Hagen" } })).id;
    routineKeys = (await getShareOptions(chef, t.db))!.layers.map((l) => l.key).filter((k) => !ALL_LAYERS.includes(k));
    expect(routineKeys.length).toBeGreaterThan(1);
  });
  afterAll(async () => t?.close());

  it("creates a link that stores only the token's hash, audited without the token", async () => {
    const result = await create(chef, { endsOn: "2027-03-31" });
    const token = tokenOf(result);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = await t.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashShareToken(token) } });
    expect(link).toMatchObject({ unitId: null, name: "Ledningsgruppen", endsOn: utcDate(2027, 3, 31), createdById: chef.id, revokedAt: null });
    expect(JSON.stringify(await t.db.shareLink.findMany())).not.toContain(token);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "shareLink.create", entityId: link.id } });
    expect(audit.actorId).toBe(chef.id);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(link.tokenHash);
  });

  it("lets the verksamhetschef and utvecklare share anything in the verksamhet, an enhetschef only their own units", async () => {
    tokenOf(await create(utvecklare, { scope: `enhet:${hagen}` }));
    tokenOf(await create(enhetschef, { scope: `enhet:${larkan}` }));
    const before = await t.db.shareLink.count();
    const audits = await t.db.auditEntry.count({ where: { action: "shareLink.create" } });
    for (const [actor, scope] of [
      [enhetschef, `enhet:${hagen}`],
      [enhetschef, "verksamhet"],
      [koordinator, `enhet:${larkan}`],
      [kommunikator, "verksamhet"],
      [admin, "verksamhet"],
      [chef, "enhet:finns-inte"],
    ] as const) {
      expect(await create(actor, { scope }), `${actor.name} ${scope}`).toMatchObject({ ok: false });
    }
    expect(await t.db.shareLink.count()).toBe(before);
    expect(await t.db.auditEntry.count({ where: { action: "shareLink.create" } })).toBe(audits);
    expect(await getShareOptions(koordinator, t.db)).toBeNull();
    expect((await getShareOptions(enhetschef, t.db))!.verksamhet).toBe(false);
  });

  it("refuses bad input in Swedish and stores nothing", async () => {
    const before = await t.db.shareLink.count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: "  " }, "name", /namn/],
      [{ name: "x".repeat(81) }, "name", /80 tecken/],
      [{ scope: "" }, "scope", /Välj/],
      [{ scope: "alla" }, "scope", /Välj/],
      [{ layers: [] }, "layers", /minst ett lager/],
      [{ layers: ["finns-inte"] }, "layers", /finns inte/],
      [{ layers: ["<script>"] }, "layers", /finns inte/],
      [{ endsOn: "2026-11-22" }, "endsOn", /passerat/],
      [{ endsOn: "2027-02-30" }, "endsOn", /finns inte i kalendern/],
      [{ endsOn: "31/12/2027" }, "endsOn", /ÅÅÅÅ-MM-DD/],
    ];
    for (const [over, field, message] of cases) {
      const result = await create(chef, over);
      expect(result, JSON.stringify(over)).toMatchObject({ ok: false });
      expect((result as { errors: Record<string, string[]> }).errors[field]?.join(" "), JSON.stringify(over)).toMatch(message);
    }
    expect(await t.db.shareLink.count()).toBe(before);
    // Today is the earliest last day.
    tokenOf(await create(chef, { endsOn: "2026-11-23" }));
  });

  it("shows the scope's wheel with the chosen layers, and nothing of a revoked, expired, unknown or malformed token", async () => {
    const token = tokenOf(await create(chef, { layers: [routineKeys[0]!] }));
    const shared = (await getSharedWheel(token, undefined, t.db, SEEDED_TODAY))!;
    expect(shared.data.unit).toBeNull();
    expect(shared.data.routines.map((r) => r.key)).toEqual([routineKeys[0]]);
    expect(shared.data.actions).toEqual([]);
    expect(shared.data.survey).toBeNull();

    const unitToken = tokenOf(await create(enhetschef, { scope: `enhet:${larkan}` }));
    const unitWheel = (await getSharedWheel(unitToken, undefined, t.db, SEEDED_TODAY))!;
    expect(unitWheel.data.unit?.id).toBe(larkan);
    expect(unitWheel.data.units.map((u) => u.id)).toEqual([larkan]);
    expect(sharedHtml(unitWheel, unitToken)).toContain("Lärkan");

    // The last day works; the day after it does not.
    const ending = tokenOf(await create(chef, { endsOn: "2026-11-30" }));
    expect(await getSharedWheel(ending, undefined, t.db, utcDate(2026, 11, 30))).not.toBeNull();
    expect(await getSharedWheel(ending, undefined, t.db, utcDate(2026, 12, 1))).toBeNull();

    const link = await t.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashShareToken(token) } });
    expect(await revokeShareLink(chef, { linkId: link.id }, t.db)).toMatchObject({ ok: true });
    expect(await getSharedWheel(token, undefined, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getSharedWheel("A".repeat(43), undefined, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getSharedWheel(`${token}x`, undefined, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getSharedWheel("", undefined, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getSharedWheel(link.tokenHash, undefined, t.db, SEEDED_TODAY)).toBeNull();

    // A unit closed after the link was made: no wheel, and never the whole verksamhet's instead.
    await t.db.unit.update({ where: { id: larkan }, data: { active: false } });
    try {
      expect(await getSharedWheel(unitToken, undefined, t.db, SEEDED_TODAY)).toBeNull();
    } finally {
      await t.db.unit.update({ where: { id: larkan }, data: { active: true } });
    }
  });

  it("holds no comment, plan, note, people's names or e-mail even when they exist", async () => {
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const tasks = await t.db.task.findMany({ where: { cycleId: cycle.id, unitId: larkan }, select: { id: true } });
    await t.db.task.updateMany({
      where: { id: { in: tasks.map((x) => x.id) } },
      data: { comment: `Kommentar ${MARKER} 1`, plannedOn: utcDate(2026, 11, 10), plannedTime: "10:00", plannedPlace: `Plats ${MARKER} 2`, plannedLead: `Ledare ${MARKER} 3` },
    });
    await t.db.taskEvent.create({ data: { taskId: tasks[0]!.id, type: "COMMENTED", comment: `Händelse ${MARKER} 4`, actorId: enhetschef.id } });
    const action = await t.db.improvementAction.findFirst({ where: { cycleId: cycle.id } });
    if (action) {
      await t.db.improvementAction.update({ where: { id: action.id }, data: { ownerName: `Ägare ${MARKER} 5`, description: `Beskrivning ${MARKER} 6` } });
      await t.db.improvementNote.create({ data: { actionId: action.id, text: `Anteckning ${MARKER} 7`, authorId: chef.id } });
    }
    const users = await t.db.user.findMany({ select: { name: true, email: true } });
    expect(users.length).toBeGreaterThan(3);

    for (const [actor, scope] of [[chef, "verksamhet"], [enhetschef, `enhet:${larkan}`]] as const) {
      const token = tokenOf(await create(actor, { scope }));
      const shared = (await getSharedWheel(token, undefined, t.db, SEEDED_TODAY))!;
      const html = sharedHtml(shared, token);
      const everything = `${html}\n${JSON.stringify(shared)}`;
      expect(html).toMatch(/Årshjul 2026/);
      expect(html).toMatch(/Klar|klara|Pågår|Ej påbörjad|försenad/);
      expect(everything).not.toContain(MARKER);
      for (const u of users) {
        expect(everything, scope).not.toContain(u.name);
        expect(everything, scope).not.toContain(u.email);
      }
      expect(html).not.toContain("@");
      // No way into the app from the page: its only links are to its own cycles.
      for (const [, href] of html.matchAll(/href="([^"#][^"]*)"/g)) expect(href).toMatch(new RegExp(`^/delad/${token}\\?ar=\\d{4}$`));
    }
  });

  it("lists and revokes links by scope: an enhetschef their units' links, the verksamhet's managers all of it", async () => {
    const unitToken = tokenOf(await create(enhetschef, { scope: `enhet:${larkan}`, name: "Lärkans intranät" }));
    const orgToken = tokenOf(await create(chef, { name: "Hela verksamheten på intranätet" }));
    const unitLink = await t.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashShareToken(unitToken) } });
    const orgLink = await t.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashShareToken(orgToken) } });

    const seenByUnit = await listShareLinks(enhetschef, t.db);
    expect(seenByUnit.map((l) => l.id)).toContain(unitLink.id);
    expect(seenByUnit.map((l) => l.id)).not.toContain(orgLink.id);
    expect(seenByUnit.every((l) => l.scope !== "Hela verksamheten")).toBe(true);
    expect((await listShareLinks(utvecklare, t.db)).map((l) => l.id)).toEqual(expect.arrayContaining([unitLink.id, orgLink.id]));
    expect(await listShareLinks(koordinator, t.db)).toEqual([]);

    for (const actor of [enhetschef, koordinator, kommunikator, admin]) {
      expect(await revokeShareLink(actor, { linkId: orgLink.id }, t.db)).toMatchObject({ ok: false });
    }
    expect(await revokeShareLink(koordinator, { linkId: unitLink.id }, t.db)).toMatchObject({ ok: false });
    expect((await t.db.shareLink.findUniqueOrThrow({ where: { id: orgLink.id } })).revokedAt).toBeNull();
    expect(await revokeShareLink(chef, { linkId: unitLink.id }, t.db)).toMatchObject({ ok: true });
    expect(await revokeShareLink(enhetschef, { linkId: unitLink.id }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/redan avslutad/) });
    expect(await t.db.auditEntry.count({ where: { action: "shareLink.revoke", entityId: unitLink.id } })).toBe(1);
    expect(await revokeShareLink(chef, { linkId: "" }, t.db)).toMatchObject({ ok: false });
  });

  it("keeps verksamheter apart: another verksamhet's chef cannot share, see or revoke this one's links", async () => {
    const org = await t.db.organisation.create({ data: { slug: "annan-kommun", name: "Annan kommun" } });
    const area = await t.db.area.create({ data: { organisationId: org.id, name: "Område B" } });
    const unitB = await t.db.unit.create({ data: { areaId: area.id, name: "Enhet B" } });
    const userB = await t.db.user.create({ data: { organisationId: org.id, email: "chef.b@kommun.example", name: "Chef B" } });
    const chefB: Actor = { id: userB.id, assignments: [{ role: "VERKSAMHETSCHEF", organisationId: org.id, unitId: null }] };

    const tokenA = tokenOf(await create(chef, { name: "A:s länk" }));
    const linkA = await t.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashShareToken(tokenA) } });
    expect(await create(chefB, { scope: `enhet:${larkan}`, layers: ALL_LAYERS })).toMatchObject({ ok: false });
    expect((await listShareLinks(chefB, t.db)).map((l) => l.id)).not.toContain(linkA.id);
    expect(await revokeShareLink(chefB, { linkId: linkA.id }, t.db)).toMatchObject({ ok: false });
    expect((await t.db.shareLink.findUniqueOrThrow({ where: { id: linkA.id } })).revokedAt).toBeNull();

    // B's own link shows B's unit, and nothing of A.
    const tokenB = tokenOf(await create(chefB, { scope: `enhet:${unitB.id}`, layers: ALL_LAYERS }));
    const sharedB = (await getSharedWheel(tokenB, undefined, t.db, SEEDED_TODAY))!;
    expect(sharedB.data.organisationName).toBe("Annan kommun");
    expect(sharedB.data.routines).toEqual([]);
    expect(sharedHtml(sharedB, tokenB)).not.toContain("Lärkan");
  });
});
