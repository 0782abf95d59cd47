import { defineConfig } from "@playwright/test";
import { GO_LIVE_PORT, hasPasswordSignIn, OPERATIONS_PORT, PRODUCTION_INSTALL_PORT, SERVERS } from "./tests/e2e/servers";

const baseURL = (port: number) => `http://127.0.0.1:${port}`;

/** Browser tests in Debian's Chromium (Playwright's own browser download is not available offline). */
export default defineConfig({
  testDir: "tests/e2e",
  // Files run side by side on two workers; the tests of one file run in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    ...SERVERS.flatMap((server) => [
      // A server without password sign-in has no saved sessions: its specs sign in through the provider.
      ...(hasPasswordSignIn(server) ? [{ name: `${server.name}-inloggning`, testMatch: /sign-in\.setup\.ts/, use: { baseURL: baseURL(server.port) } }] : []),
      {
        name: server.name,
        testMatch: server.specs.map((spec) => `${spec}.spec.ts`),
        dependencies: hasPasswordSignIn(server) ? [`${server.name}-inloggning`] : [],
        use: { baseURL: baseURL(server.port) },
        metadata: { today: server.today },
      },
    ]),
    // Going live from an empty PostgreSQL database: the spec runs npm run setup and starts its own server.
    { name: "go-live", testMatch: /go-live\.spec\.ts/, use: { baseURL: baseURL(GO_LIVE_PORT) } },
    // The request log and a database outage, on a PostgreSQL database of the spec's own (its server is its own too).
    { name: "operations", testMatch: /operations\.spec\.ts/, use: { baseURL: baseURL(OPERATIONS_PORT) } },
    // The standalone install alone, copied away from the checkout, on PostgreSQL: the spec starts its own server.
    { name: "production-install", testMatch: /production-install\.spec\.ts/, use: { baseURL: baseURL(PRODUCTION_INSTALL_PORT) } },
  ],
  // A fresh embedded database per server and run, seeded as of the server's today; the servers start side by side.
  globalSetup: "./tests/e2e/global-setup.ts",
});
