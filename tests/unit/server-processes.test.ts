import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { serverProcesses } from "@/lib/server-processes";

/** Issue 35: how many processes `node scripts/serve.mjs` runs, from WEB_CONCURRENCY and the machine's cores. */
describe("server processes (WEB_CONCURRENCY)", () => {
  const postgres = "postgresql://arshjulet@db.kommun.example/arshjulet";
  const processes = (vars: Record<string, string>, cores: number) => serverProcesses(parseEnv(vars), cores);

  it("runs one per core on PostgreSQL, at most four, when WEB_CONCURRENCY is empty", () => {
    expect(processes({ DATABASE_URL: postgres }, 1)).toBe(1);
    expect(processes({ DATABASE_URL: postgres }, 2)).toBe(2);
    expect(processes({ DATABASE_URL: postgres, WEB_CONCURRENCY: "" }, 3)).toBe(3);
    expect(processes({ DATABASE_URL: postgres }, 64)).toBe(4);
    expect(processes({ DATABASE_URL: postgres }, 0)).toBe(1);
  });

  it("runs what WEB_CONCURRENCY says on PostgreSQL, whatever the cores", () => {
    expect(processes({ DATABASE_URL: postgres, WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(processes({ DATABASE_URL: postgres, WEB_CONCURRENCY: " 6 " }, 2)).toBe(6);
    expect(processes({ DATABASE_URL: postgres, WEB_CONCURRENCY: "16" }, 2)).toBe(16);
  });

  it("runs one on the embedded database, which one process only can open", () => {
    expect(processes({}, 8)).toBe(1);
    expect(processes({ WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow("WEB_CONCURRENCY över 1 kräver PostgreSQL (DATABASE_URL)");
  });

  it("refuses anything but a whole number from 1 to 16, with a Swedish line", () => {
    for (const bad of ["0", "17", "99", "-1", "2.5", "två", "1e1", "0x2", "auto", "4 4"]) {
      expect(() => parseEnv({ DATABASE_URL: postgres, WEB_CONCURRENCY: bad }), bad).toThrow(
        "Felaktig miljövariabel WEB_CONCURRENCY: WEB_CONCURRENCY ska vara ett heltal mellan 1 och 16",
      );
    }
  });
});
