import path from "node:path";
import { defineConfig } from "vitest/config";
import { SEEDED_TODAY_ISO } from "./tests/support/today";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // next's "server-only" throws outside React Server Components; tests call the same modules directly.
  "server-only": path.join(root, "tests/support/server-only.ts"),
};
// No test reads the real date: the app's clock (lib/clock.ts) is fixed to the day the test data is seeded for.
const env = { ARSHJULET_TODAY: SEEDED_TODAY_ISO };

export default defineConfig({
  test: {
    // Two workers on a two-core machine (vitest's default is one fewer than the cores): integration tests often wait on the database.
    maxWorkers: 2,
    projects: [
      // Pure functions without mocks: one module graph for all files (isolating each file made the project four times slower).
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", env, pool: "threads", isolate: false } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Threads start faster than forks.
          pool: "threads",
          env,
          // Migrates and seeds once; every test file copies the result (tests/integration/helpers/databases.ts).
          globalSetup: ["tests/integration/helpers/templates.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
