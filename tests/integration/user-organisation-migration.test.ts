import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";

const MIGRATION = "20261202064834_user_organisation";

// Issue 18, item 11: the migration that gives every user a verksamhet, run on a database that already has users.
describe("the user_organisation migration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-migrations-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts each user in the verksamhet of their oldest role, and users without a role in the oldest verksamhet", async () => {
    const names = readdirSync(MIGRATIONS_DIR);
    for (const name of names) if (name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    const db = new PGlite("memory://");
    const factory = new PrismaPGlite(db);
    await applyMigrations(factory, dir);
    await db.exec(`
      INSERT INTO "Organisation" ("id", "slug", "name", "createdAt") VALUES ('org-a', 'a', 'A', '2026-01-01'), ('org-b', 'b', 'B', '2026-02-01');
      INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('u-a', 'a@x.example', 'A', now()), ('u-b', 'b@x.example', 'B', now()), ('u-none', 'n@x.example', 'N', now());
      INSERT INTO "RoleAssignment" ("id", "userId", "role", "organisationId", "createdAt") VALUES
        ('r1', 'u-b', 'ADMIN', 'org-b', '2026-03-01'), ('r2', 'u-b', 'ENHETSCHEF', 'org-a', '2026-04-01'), ('r3', 'u-a', 'ADMIN', 'org-a', '2026-03-01');
    `);
    cpSync(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    await applyMigrations(factory, dir);
    const { rows } = await db.query<{ id: string; organisationId: string }>(`SELECT "id", "organisationId" FROM "User" ORDER BY "id"`);
    expect(rows).toEqual([
      { id: "u-a", organisationId: "org-a" },
      { id: "u-b", organisationId: "org-b" },
      { id: "u-none", organisationId: "org-a" },
    ]);
    await expect(db.query(`INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('u-x', 'x@x.example', 'X', now())`)).rejects.toThrow();
    await db.close();
  });
});
