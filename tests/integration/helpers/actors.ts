import type { Db } from "@/lib/db";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "./databases";

/** The signed-in user with the given e-mail, as the app's session would load them. */
export async function actorFor(db: Db, email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await loadSessionUser(db, user.id, user.sessionVersion))!;
}

/** A seeded database of the test file's own, and the signed-in user with the given e-mail in it. */
export async function createTestDatabaseAs(kind: DatabaseKind, email: string): Promise<{ t: TestDatabase; actor: SessionUser }> {
  const t = await createTestDatabase(kind);
  return { t, actor: await actorFor(t.db, email) };
}
