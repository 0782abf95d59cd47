import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { createDraft, createRoutine, START_MONTH_LOCKED, updateRoutineStartMonth } from "@/lib/routines/mutations";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { fingerprint } from "./helpers/fingerprint";
import { SEED_KEY, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";

// Issue 32, item 4: the start month is set when a routine is created and changed in its draft, while nothing moves.
describe.each(DATABASE_KINDS)("a routine's start month in the app on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("is set when the routine is created, and a month that is none is refused in Swedish with nothing saved", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const before = await fingerprint(t.db);
    for (const startMonth of ["13", "0", "mars", "1.5"]) {
      expect(await createRoutine(actor, { title: "Hösten", key: "hosten", colour: "#0f766e", startMonth }, t.db)).toMatchObject({ ok: false, errors: { startMonth: ["Välj den månad rutinens år börjar i."] } });
    }
    expect(await fingerprint(t.db)).toEqual(before);
    expect(await createRoutine(actor, { title: "Hösten", key: "hosten", colour: "#0f766e", startMonth: "9" }, t.db)).toMatchObject({ ok: true });
    expect((await t.db.routine.findFirstOrThrow({ where: { key: "hosten" } })).startMonth).toBe(9);
    // Without a month (an older client), January.
    expect(await createRoutine(actor, { title: "Kalenderår", key: "kalenderar", colour: "#0f766e" }, t.db)).toMatchObject({ ok: true });
    expect((await t.db.routine.findFirstOrThrow({ where: { key: "kalenderar" } })).startMonth).toBe(1);
  });

  it("is changed in the draft of a routine without tasks, audited, and refused to others", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const draft = await t.db.routineVersion.findFirstOrThrow({ where: { routine: { key: "hosten" }, status: "DRAFT" } });
    const before = await fingerprint(t.db);
    expect(await updateRoutineStartMonth(await actorFor(t.db, VERKSAMHETSCHEF), { versionId: draft.id, startMonth: "12" }, t.db)).toMatchObject({ ok: false });
    expect(await fingerprint(t.db)).toEqual(before);
    expect(await updateRoutineStartMonth(actor, { versionId: draft.id, startMonth: "12" }, t.db)).toMatchObject({ ok: true, message: "Rutinens år börjar nu i december." });
    expect((await t.db.routine.findFirstOrThrow({ where: { key: "hosten" } })).startMonth).toBe(12);
    expect(await t.db.auditEntry.count({ where: { action: "routine.update-start-month", entityId: draft.routineId } })).toBe(1);
  });

  it("is not changed for a routine whose tasks a cycle holds, and says why", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    expect(await createDraft(actor, { routineId: routine.id }, t.db)).toMatchObject({ ok: true });
    const draft = await t.db.routineVersion.findFirstOrThrow({ where: { routineId: routine.id, status: "DRAFT" } });
    const before = await fingerprint(t.db);
    expect(await updateRoutineStartMonth(actor, { versionId: draft.id, startMonth: "1" }, t.db)).toMatchObject({ ok: false, message: START_MONTH_LOCKED });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("seeds the brukarundersökning with notes that agree with its December start", async () => {
    const notes = await t.db.activityTemplate.findMany({ where: { routineVersion: { routine: { key: SEED_KEY } } }, select: { note: true } });
    expect(notes.filter((n) => n.note?.includes("kalenderåret"))).toEqual([]);
    expect(notes.filter((n) => n.note?.includes("Rutinens år börjar i december")).length).toBeGreaterThan(0);
  });
});

describe("the brukarundersokning_year_note migration", () => {
  const MIGRATION = "20261206150500_brukarundersokning_year_note";
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-migrations-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("replaces the seeded sentence in a database seeded before it, and leaves a kommun's own note alone", async () => {
    for (const name of readdirSync(MIGRATIONS_DIR)) if (name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    const db = new PGlite("memory://");
    await applyMigrations(new PrismaPGlite(db), dir);
    await db.exec(`
      INSERT INTO "Organisation" ("id", "slug", "name") VALUES ('org', 'hemtjanst', 'Hemtjänst');
      INSERT INTO "Routine" ("id", "organisationId", "key", "title", "startMonth") VALUES ('r', 'org', 'brukarundersokning-hemtjanst', 'B', 12);
      INSERT INTO "RoutineVersion" ("id", "routineId", "version", "title", "status") VALUES ('v', 'r', 1, 'B', 'ACTIVE');
      INSERT INTO "Phase" ("id", "routineVersionId", "key", "name", "position") VALUES ('p', 'v', 'infor', 'Inför', 0);
      INSERT INTO "ActivityTemplate" ("id", "routineVersionId", "phaseId", "key", "position", "title", "timing", "startMonth", "endMonth", "scope", "kind", "note") VALUES
        ('a1', 'v', 'p', 'lg-genomgang-hemtjanst', 0, 'LG', 'MONTH', 12, 12, 'ORGANISATION', 'MEETING', 'Rutinen anger december men ingen ansvarig; verksamhetschefen leder hemtjänstens ledningsgrupp. Årshjulet följer kalenderåret, så decembergenomgången förbereder nästa års undersökning.'),
        ('a2', 'v', 'p', 'egen', 1, 'Egen', 'MONTH', 1, 1, 'UNIT', 'MEETING', 'Vi följer kalenderåret här.');
    `);
    for (const name of readdirSync(MIGRATIONS_DIR)) if (name === MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await applyMigrations(new PrismaPGlite(db), dir);
    const rows = (await db.query<{ id: string; note: string }>(`SELECT "id", "note" FROM "ActivityTemplate" ORDER BY "id"`)).rows;
    expect(rows).toEqual([
      { id: "a1", note: "Rutinen anger december men ingen ansvarig; verksamhetschefen leder hemtjänstens ledningsgrupp. Rutinens år börjar i december, så decembergenomgången är första steget mot nästa års undersökning och hör till den cykeln." },
      { id: "a2", note: "Vi följer kalenderåret här." },
    ]);
    await db.close();
  });
});
