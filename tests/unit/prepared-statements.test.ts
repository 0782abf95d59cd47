import { describe, expect, it } from "vitest";
import { preparedStatementNames } from "@/lib/db";

/** Issue 35: statements are prepared once per connection, under a name from their text, and only so many. */
describe("prepared statement names", () => {
  it("names a text the same every time and different texts differently, within PostgreSQL's 63 characters", () => {
    const name = preparedStatementNames();
    const a = name({ sql: 'SELECT "id" FROM "Task" WHERE "id" = $1' });
    expect(a).toMatch(/^arshjulet_[\w-]{32}$/);
    expect(a!.length).toBeLessThanOrEqual(63);
    expect(name({ sql: 'SELECT "id" FROM "Task" WHERE "id" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT "id" FROM "Task" WHERE "id" = $2' })).not.toBe(a);
    // Another process names the same text the same (the name is the text's hash, not a counter).
    expect(preparedStatementNames()({ sql: 'SELECT "id" FROM "Task" WHERE "id" = $1' })).toBe(a);
  });

  it("prepares no more than max texts: later ones go unprepared, the first keep their names", () => {
    const name = preparedStatementNames(3);
    const first = ["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name({ sql }));
    expect(first.every((n) => typeof n === "string")).toBe(true);
    expect(name({ sql: "SELECT 4" })).toBeUndefined();
    expect(name({ sql: "SELECT 5" })).toBeUndefined();
    expect(["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name({ sql }))).toEqual(first);
  });
});
