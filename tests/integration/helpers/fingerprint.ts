import type { Db } from "@/lib/db";

type Column = { table_name: string; column_name: string; data_type: string };

async function columns(db: Db): Promise<Map<string, Column[]>> {
  const rows = await db.$queryRawUnsafe<Column[]>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, Column[]>();
  for (const row of rows) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row]);
  return byTable;
}

const queries = new WeakMap<Db, { cheap: string; full: string }>();

async function queriesFor(db: Db) {
  const known = queries.get(db);
  if (known) return known;
  const tables = await columns(db);
  const cheap = [...tables].map(([table, cols]) => {
    // Row count, the newest of every timestamp, and the sum of the counters that an update bumps.
    const parts = ["count(*)::text", ...cols.filter((c) => c.data_type.startsWith("timestamp")).map((c) => `coalesce(max("${c.column_name}")::text, '')`), ...cols.filter((c) => /version$/i.test(c.column_name) && c.data_type === "integer").map((c) => `coalesce(sum("${c.column_name}")::text, '')`)];
    return `SELECT '${table}' AS t, concat_ws(',', ${parts.join(", ")}) AS v FROM "${table}"`;
  });
  const full = [...tables.keys()].map((table) => `SELECT '${table}' AS t, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS v FROM "${table}" x`);
  const built = { cheap: cheap.join(" UNION ALL "), full: full.join(" UNION ALL ") };
  queries.set(db, built);
  return built;
}

/** A cheap fingerprint of every table (row count, newest timestamps, version sums): equal before and after a refused call. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ t: string; v: string }[]>((await queriesFor(db)).cheap);
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}

/** A hash of every row of every table: for a whole series of calls that must change nothing. */
export async function fullHash(db: Db): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ t: string; v: string }[]>((await queriesFor(db)).full);
  return rows.map((r) => `${r.t}:${r.v}`).sort().join(";");
}

/** Where the database's write-ahead log ends: unchanged means nothing was written (the fingerprints are needed only when it moves). */
export async function walPosition(db: Db): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
  return row!.lsn;
}
