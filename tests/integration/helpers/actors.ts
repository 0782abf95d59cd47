import type { Db } from "@/lib/db";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session-user";

/** The signed-in user with the given e-mail, as the app's session would load them. */
export async function actorFor(db: Db, email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await loadSessionUser(db, user.id, user.sessionVersion))!;
}
