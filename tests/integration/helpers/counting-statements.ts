import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { createAdapterFactory, createDb, type Db } from "@/lib/db";
import type { TestDatabase } from "./databases";

/**
 * A second client on a test database that counts the SQL statements it sends, as `npm run bench` counts them in the
 * server (BEGIN and COMMIT included): counting() counts Prisma operations, and one operation with relations sends a
 * statement per relation. A test of a statement count fails when a statement is added.
 */
export function countingStatements(t: TestDatabase) {
  const counter = { n: 0 };
  // BEGIN is sent by the adapter's startTransaction. COMMIT and ROLLBACK: by the adapter's commit() and rollback()
  // when the transaction says so (usePhantomQuery, PGlite), else by Prisma through executeRaw (pg).
  const count = <T extends object>(target: T, endsItself = false): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver);
        if (typeof value !== "function") return value;
        if (key === "queryRaw" || key === "executeRaw" || (endsItself && (key === "commit" || key === "rollback"))) {
          return (...args: unknown[]) => ((counter.n += 1), value.apply(object, args));
        }
        if (key === "startTransaction") {
          return async (...args: unknown[]) => {
            counter.n += 1;
            const tx = (await value.apply(object, args)) as Transaction;
            return count(tx, tx.options.usePhantomQuery);
          };
        }
        return value.bind(object);
      },
    });
  const factory = (t.factory ?? createAdapterFactory(t.target)) as unknown as SqlDriverAdapterFactory;
  const countingFactory = new Proxy(factory, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (key === "connect") return async () => count((await (value as () => Promise<SqlDriverAdapter>).apply(object)) as SqlDriverAdapter);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
  const client = createDb(t.target, countingFactory as unknown as Parameters<typeof createDb>[1]);
  return { client: client as Db, counter, close: () => (t.factory ? Promise.resolve() : client.$disconnect()) };
}
