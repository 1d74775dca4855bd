import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL as baseURL, PORT } from "./e2e/fixtures/site";
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
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // The production build (`next build`, run by `npm run test:e2e`) on a fresh embedded database.
  webServer: {
    // A demo production server, as the README says: demo accounts and content, then npm start.
    command: "rm -rf .data/e2e && npx tsx scripts/db-seed.ts --demo && npx tsx scripts/run.ts start",
    url: `${baseURL}/api/health`,
    // As behind a proxy on this machine: tests that need addresses of their own send X-Forwarded-For.
    env: {
      PORT: String(PORT),
      MASTHEAD_DATA_DIR: ".data/e2e",
      MASTHEAD_TEST_CLOCK: "true",
      MASTHEAD_TRUSTED_PROXIES: "127.0.0.1, ::1",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
