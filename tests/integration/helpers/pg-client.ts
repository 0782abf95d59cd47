import pg from "pg";
import { adminUrl } from "./template-names";

/** Runs `run` on a fresh client of the tests' PostgreSQL server (`adminUrl()` unless told another address), and closes it. */
export async function withPgClient<T>(run: (client: pg.Client) => Promise<T>, url: string = adminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** One statement on the tests' PostgreSQL server as its administrator (CREATE/DROP/ALTER DATABASE). */
export const adminQuery = (sql: string) => withPgClient((c) => c.query(sql));
