import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit";
import { createCalendarFeed } from "@/lib/calendar/feeds";
import { inTransaction, transact } from "@/lib/db/transaction";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";

class LaterFailure extends Error {}

describe.each(DATABASE_KINDS)("a transaction passed in on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const audit = (db: Parameters<typeof writeAudit>[0], entityId: string) =>
    writeAudit(db, { actorId: null, action: "calendarFeed.create", entityType: "CalendarFeed", entityId });

  it("looks like a client with $transaction, but has no $connect", async () => {
    // Why the helpers cannot ask for $transaction: Prisma 7's transaction client has it too.
    await t.db.$transaction(async (tx) => {
      expect("$transaction" in tx).toBe(true);
      expect("$connect" in tx).toBe(false);
    });
  });

  it("is joined: a failure later in the caller's transaction undoes the helper's writes", async () => {
    const before = await t.db.auditEntry.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await inTransaction(tx, async (inner) => {
          expect(inner).toBe(tx);
          await audit(inner, "joined-1");
        });
        await transact(tx, (inner) => audit(inner, "joined-2"));
        throw new LaterFailure("the caller fails after the helpers have written");
      }),
    ).rejects.toThrow(LaterFailure);
    expect(await t.db.auditEntry.count({ where: { entityId: { in: ["joined-1", "joined-2"] } } })).toBe(0);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("is joined by a domain mutation: a feed created in a failed transaction is not kept", async () => {
    const enhetschef = await actorFor(t.db, "enhetschef@arshjulet.example");
    const larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    await expect(
      t.db.$transaction(async (tx) => {
        expect(await createCalendarFeed(enhetschef, { target: `enhet:${larkan}` }, tx)).toMatchObject({ ok: true });
        expect(await tx.calendarFeed.count({ where: { createdById: enhetschef.id } })).toBe(1);
        throw new LaterFailure("later");
      }),
    ).rejects.toThrow(LaterFailure);
    expect(await t.db.calendarFeed.count({ where: { createdById: enhetschef.id } })).toBe(0);
  });

  it("is started when given the client, and commits", async () => {
    await inTransaction(t.db, (tx) => audit(tx, "committed"));
    expect(await t.db.auditEntry.count({ where: { entityId: "committed" } })).toBe(1);
  });
});
