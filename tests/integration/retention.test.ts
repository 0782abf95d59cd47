import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "@/lib/retention";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

// What the daily job deletes (issue 34, deliverable 8). A fixed instant: the rows are stamped relative to it.
const NOW = new Date("2027-03-15T03:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe.each(DATABASE_KINDS)("retention on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("deletes attempts and reset requests older than 30 days and expired ended sessions, and keeps the audit trail by default", async () => {
    const user = await t.db.user.findFirstOrThrow();
    await t.db.loginAttempt.createMany({
      data: [
        { at: daysAgo(31), email: "gammal@retention.example", ip: "10.9.0.1", success: false },
        { at: daysAgo(29), email: "ny@retention.example", ip: "10.9.0.2", success: true },
      ],
    });
    await t.db.passwordResetRequest.createMany({
      data: [
        { at: daysAgo(45), email: "gammal@retention.example", ip: "10.9.0.1" },
        { at: daysAgo(1), email: "ny@retention.example", ip: "10.9.0.2" },
      ],
    });
    await t.db.endedSession.createMany({
      data: [
        { id: "retention-expired", userId: user.id, endedAt: daysAgo(2), expiresAt: new Date(NOW.getTime() - 60_000) },
        { id: "retention-live", userId: user.id, endedAt: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000) },
      ],
    });
    await t.db.auditEntry.create({ data: { at: daysAgo(3000), action: "retention.test", entityType: "Test", entityId: "x" } });
    const auditBefore = await t.db.auditEntry.count();

    const result = await purgeExpired(t.db, NOW);
    expect(result).toMatchObject({ passwordResetRequests: 1, endedSessions: 1, auditEntries: 0 });
    expect(result.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(await t.db.loginAttempt.count({ where: { at: { lt: daysAgo(30) } } })).toBe(0);
    expect(await t.db.loginAttempt.count({ where: { email: "ny@retention.example" } })).toBe(1);
    expect(await t.db.passwordResetRequest.findMany({ select: { email: true } })).toEqual(expect.arrayContaining([{ email: "ny@retention.example" }]));
    expect(await t.db.passwordResetRequest.count({ where: { email: "gammal@retention.example" } })).toBe(0);
    expect((await t.db.endedSession.findMany({ where: { id: { startsWith: "retention-" } }, select: { id: true } })).map((s) => s.id)).toEqual(["retention-live"]);
    expect(await t.db.auditEntry.count()).toBe(auditBefore);

    // Run again: nothing more to delete.
    expect(await purgeExpired(t.db, NOW)).toEqual({ loginAttempts: 0, passwordResetRequests: 0, endedSessions: 0, auditEntries: 0 });
  });

  it("deletes audit entries past AUDIT_RETENTION_DAYS when it is set", async () => {
    await t.db.auditEntry.create({ data: { at: daysAgo(366), action: "retention.old", entityType: "Test", entityId: "y" } });
    await t.db.auditEntry.create({ data: { at: daysAgo(364), action: "retention.recent", entityType: "Test", entityId: "z" } });
    const result = await purgeExpired(t.db, NOW, 365);
    expect(result.auditEntries).toBeGreaterThanOrEqual(2); // this one and the 3000-day-old one above
    expect(await t.db.auditEntry.count({ where: { at: { lt: daysAgo(365) } } })).toBe(0);
    expect(await t.db.auditEntry.count({ where: { action: "retention.recent" } })).toBe(1);
  });
});
