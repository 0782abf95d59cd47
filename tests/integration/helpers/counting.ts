import type { Db } from "@/lib/db";

/** The same client, counting every operation it is asked to run, to show that the number of queries is bounded. */
export function counting(db: Db) {
  const counter = { n: 0 };
  const client = db.$extends({ query: { $allOperations: ({ args, query }) => ((counter.n += 1), query(args)) } }) as unknown as Db;
  return { client, counter };
}
