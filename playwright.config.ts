import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  BASE_URL as baseURL,
  EMBEDDED_PG_PORT,
  METRICS_TOKEN,
  PORT,
  S3_BUCKET,
  S3_PORT,
  SECOND_PORT,
  SECOND_URL,
} from "./e2e/fixtures/site";

/** What both instances share (the site's secret, the database's port, the media bucket). */
const instance = {
  MASTHEAD_TEST_CLOCK: "true",
  MASTHEAD_METRICS_TOKEN: METRICS_TOKEN,
  // The request log would print every request of the run; warnings and errors still show.
  MASTHEAD_LOG_LEVEL: "warn",
  MASTHEAD_TRUSTED_PROXIES: "127.0.0.1, ::1",
  // The webhook receivers the tests start listen on 127.0.0.1.
  MASTHEAD_WEBHOOKS_ALLOW_PRIVATE: "true",
  NEXTAUTH_SECRET: "end-to-end-tests-only-secret-0123456789abcdef",
  MASTHEAD_EMBEDDED_PG_PORT: String(EMBEDDED_PG_PORT),
  MASTHEAD_S3_BUCKET: S3_BUCKET,
  MASTHEAD_S3_ENDPOINT: `http://127.0.0.1:${S3_PORT}`,
  MASTHEAD_S3_FORCE_PATH_STYLE: "true",
  AWS_ACCESS_KEY_ID: "S3RVER",
  AWS_SECRET_ACCESS_KEY: "S3RVER",
};
// Playwright cannot download its browser here: use Debian's Chromium when it is installed.
const debianChromium = "/usr/bin/chromium";
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // Sized for a busy machine (CI shares its cores): most tests take 2-10 s on a quiet 2-core
  // machine and up to 2.5 times that with both cores kept busy. Long flows set their own.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // Recording a trace costs Chromium a third of the suite's time even when it is thrown away
    // (measured: 198 s with, 145 s without, for the same three specs). A failure still leaves a
    // screenshot and the page's error context; E2E_TRACE=1 records traces to look into one.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // Two production instances of the build (`next build`, run by `npm run test:e2e`), as behind
  // a load balancer: the first starts the embedded PostgreSQL (fresh, with demo content), the
  // second uses that database; both keep media in one S3-protocol server and share the secret.
  // Each has its own port and data directory. Started in this order.
  webServer: [
    {
      command: "npx tsx e2e/support/s3-server.ts",
      url: `http://127.0.0.1:${S3_PORT}/`,
      env: { E2E_S3_PORT: String(S3_PORT), E2E_S3_BUCKET: S3_BUCKET },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A demo production server, as the README says: demo accounts and content, then npm start.
      command: "rm -rf .data/e2e && npx tsx scripts/db-seed.ts --demo && node scripts/start.mjs start",
      url: `${baseURL}/api/health`,
      // As behind a proxy on this machine: tests that need addresses of their own send X-Forwarded-For.
      env: { ...instance, PORT: String(PORT), MASTHEAD_DATA_DIR: ".data/e2e" },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
    },
    {
      command:
        "rm -rf .data/e2e-second && " +
        `DATABASE_URL="postgresql://masthead:$(cat .data/e2e/postgres-password)@127.0.0.1:${EMBEDDED_PG_PORT}/masthead" ` +
        "node scripts/start.mjs start",
      url: `${SECOND_URL}/api/health`,
      env: { ...instance, PORT: String(SECOND_PORT), MASTHEAD_DATA_DIR: ".data/e2e-second" },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
    },
  ],
});
