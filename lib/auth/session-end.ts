import "server-only";
import type { DbClient } from "../db/index.ts";

/** Whether "Logga ut" has ended the session with this id. */
export async function isSessionEnded(db: DbClient, sessionId: string): Promise<boolean> {
  return (await db.endedSession.count({ where: { id: sessionId } })) > 0;
}
