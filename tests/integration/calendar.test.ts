import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { createCalendarFeed, FEED_EVENTS_TEXT, getFeedCalendar, hashFeedToken, listCalendarFeeds, revokeCalendarFeed } from "@/lib/calendar/feeds";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { SEEDED_TODAY } from "../support/today";

const BASE = "http://localhost:3000";

const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe.each(DATABASE_KINDS)("calendar feeds on %s", (kind) => {
  let t: TestDatabase;
  let chef: SessionUser;
  let enhetschef: SessionUser;
  let larkan: string;
  let hagen: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    chef = await actorFor(t.db, "verksamhetschef@arshjulet.example");
    enhetschef = await actorFor(t.db, "enhetschef@arshjulet.example");
    larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    hagen = (await t.db.unit.findFirstOrThrow({ where: { name: "Hagen" } })).id;
  });
  afterAll(async () => t?.close());

  it("creates a unit feed that stores only the token's hash, audits it and parses in ical.js", async () => {
    const result = await createCalendarFeed(enhetschef, { target: `enhet:${larkan}` }, t.db);
    expect(result.ok).toBe(true);
    const token = (result as { token: string }).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const feed = await t.db.calendarFeed.findFirstOrThrow({ where: { createdById: enhetschef.id } });
    expect(feed).toMatchObject({ unitId: larkan, role: null, tokenHash: hashFeedToken(token), revokedAt: null });
    expect(JSON.stringify(await t.db.calendarFeed.findMany())).not.toContain(token);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "calendarFeed.create", entityId: feed.id } });
    expect(JSON.stringify(audit)).not.toContain(token);

    const text = (await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY))!;
    const events = parse(text);
    const tasks = await t.db.task.count({ where: { unitId: larkan, dueOn: { not: null }, cycle: { year: { gte: 2025 } } } });
    expect(events).toHaveLength(tasks);
    expect(new Set(events.map((e) => e.uid)).size).toBe(tasks);
    for (const e of events) expect(e.startDate.isDate).toBe(true);
    expect(events.some((e) => e.summary.includes("Brukarbrev"))).toBe(true);
    // The same feed with the .ics suffix; DTSTAMP is the moment of writing, so it may have moved to the next second.
    const withoutStamps = (ics: string | null) => ics?.replace(/^DTSTAMP:.*$/gm, "DTSTAMP");
    expect(withoutStamps(await getFeedCalendar(`${token}.ics`, BASE, t.db, SEEDED_TODAY))).toBe(withoutStamps(text));
  });

  // Issue 32: /kalender says what the feed holds (FEED_EVENTS_TEXT); the feed holds exactly that.
  it("holds what the page says: a one-hour event at a planned time, all day on a planned day without one, else all day on the deadline", async () => {
    const result = await createCalendarFeed(enhetschef, { target: `enhet:${larkan}` }, t.db);
    const token = (result as { token: string }).token;
    const [timed, untimed, plain] = await t.db.task.findMany({ where: { unitId: larkan, cycle: { year: 2026 }, dueOn: { not: null }, plannedOn: null }, orderBy: { id: "asc" }, take: 3 });
    await t.db.task.update({ where: { id: timed!.id }, data: { plannedOn: new Date("2026-06-10T00:00:00Z"), plannedTime: "14:00" } });
    await t.db.task.update({ where: { id: untimed!.id }, data: { plannedOn: new Date("2026-06-11T00:00:00Z"), plannedTime: null } });
    const text = (await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY))!;
    const byUid = new Map(parse(text).map((e) => [e.uid, e]));
    const at = byUid.get(`${timed!.id}@arshjulet`)!;
    expect(at.startDate.isDate).toBe(false);
    expect(at.startDate.toJSDate().toISOString()).toBe("2026-06-10T12:00:00.000Z");
    expect(at.endDate.toJSDate().getTime() - at.startDate.toJSDate().getTime()).toBe(60 * 60_000);
    const day = byUid.get(`${untimed!.id}@arshjulet`)!;
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe("2026-06-11");
    const due = byUid.get(`${plain!.id}@arshjulet`)!;
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe(plain!.dueOn!.toISOString().slice(0, 10));
    expect(FEED_EVENTS_TEXT).toContain("händelse på en timme");
    expect(FEED_EVENTS_TEXT).toContain("heldagshändelse på sitt slutdatum");
    expect(text.replace(/\r\n /g, "")).toContain(FEED_EVENTS_TEXT.replace(/,/g, "\\,"));
  });

  it("refuses a wrong, malformed or revoked token", async () => {
    const { token } = (await createCalendarFeed(chef, { target: "roll:KOORDINATOR" }, t.db)) as { token: string };
    const events = parse((await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY))!);
    expect(events.length).toBeGreaterThan(0);
    const wrong = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await getFeedCalendar(wrong, BASE, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getFeedCalendar("inte-en-nyckel", BASE, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getFeedCalendar(hashFeedToken(token), BASE, t.db, SEEDED_TODAY)).toBeNull();

    const feed = await t.db.calendarFeed.findFirstOrThrow({ where: { tokenHash: hashFeedToken(token) } });
    expect(await revokeCalendarFeed(enhetschef, { feedId: feed.id }, t.db)).toMatchObject({ ok: false });
    expect(await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY)).not.toBeNull();
    expect(await revokeCalendarFeed(chef, { feedId: feed.id }, t.db)).toMatchObject({ ok: true });
    expect(await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY)).toBeNull();
    expect(await t.db.auditEntry.count({ where: { action: "calendarFeed.revoke", entityId: feed.id } })).toBe(1);
    expect(await revokeCalendarFeed(chef, { feedId: feed.id }, t.db)).toMatchObject({ ok: false });
    const listed = await listCalendarFeeds(chef, t.db);
    expect(listed.find((f) => f.id === feed.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses units outside the actor's reach and bad input, changing nothing", async () => {
    const before = await t.db.calendarFeed.count();
    const audits = await t.db.auditEntry.count();
    expect(await createCalendarFeed(enhetschef, { target: `enhet:${hagen}` }, t.db)).toMatchObject({ ok: false });
    expect(await createCalendarFeed(enhetschef, { target: "roll:VERKSAMHETSCHEF" }, t.db)).toMatchObject({ ok: false });
    expect(await createCalendarFeed(enhetschef, { target: "roll:PÅHITTAD" }, t.db)).toMatchObject({ ok: false, errors: { target: expect.any(Array) } });
    expect(await createCalendarFeed(enhetschef, {}, t.db)).toMatchObject({ ok: false });
    expect(await revokeCalendarFeed(enhetschef, { feedId: "" }, t.db)).toMatchObject({ ok: false });
    expect(await t.db.calendarFeed.count()).toBe(before);
    expect(await t.db.auditEntry.count()).toBe(audits);
  });

  it("stops serving a feed whose creator is deactivated", async () => {
    const koordinator = await actorFor(t.db, "koordinator@arshjulet.example");
    const { token } = (await createCalendarFeed(koordinator, { target: "roll:KOORDINATOR" }, t.db)) as { token: string };
    const events = parse((await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY))!);
    // A koordinator for Lärkan sees only Lärkan's tasks in a role feed.
    expect(events.every((e) => !e.summary.includes("Hagen"))).toBe(true);
    await t.db.user.update({ where: { id: koordinator.id }, data: { active: false } });
    expect(await getFeedCalendar(token, BASE, t.db, SEEDED_TODAY)).toBeNull();
    await t.db.user.update({ where: { id: koordinator.id }, data: { active: true } });
  });

  it("the server actions pass the form through formText", async () => {
    vi.resetModules();
    vi.doMock("@/lib/auth/session", () => ({ requireUser: async () => enhetschef }));
    vi.doMock("next/cache", () => ({ revalidatePath: () => undefined }));
    vi.doMock("@/lib/db", async (orig) => ({ ...(await orig<object>()), getDb: () => t.db }));
    const { createFeedAction } = await import("@/app/(app)/kalender/actions");
    const form = new FormData();
    form.set("target", `enhet:${hagen}`);
    expect(await createFeedAction(null, form)).toMatchObject({ ok: false });
    form.set("target", `enhet:${larkan}`);
    const ok = await createFeedAction(null, form);
    expect(ok).toMatchObject({ ok: true, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    vi.doUnmock("@/lib/auth/session");
    vi.doUnmock("next/cache");
    vi.doUnmock("@/lib/db");
  });
});
