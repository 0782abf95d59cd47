/**
 * `npm run test:dates`: the unit and integration tests under faketime at days across the year, to show
 * that no test depends on the real date. Stops at the first day that fails.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const DAYS = ["2027-01-04 09:00:00", "2027-04-02 12:00:00", "2027-12-01 08:00:00"];

for (const day of DAYS) {
  console.log(`\n▶ vitest som om det vore ${day}`);
  const result = spawnSync("faketime", [day, path.join(root, "node_modules", ".bin", "vitest"), "run"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.log(`◀ ${day}: MISSLYCKADES${result.error ? ` (${result.error.message}; installera Debians paket faketime)` : ""}`);
    process.exit(1);
  }
  console.log(`◀ ${day}: ok`);
}
