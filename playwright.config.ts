import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
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
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // The production build (`next build`, run by `npm run test:e2e`) on a fresh embedded database.
  webServer: {
    command: "rm -rf .data/e2e && npx tsx scripts/run.ts start",
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), MASTHEAD_DATA_DIR: ".data/e2e", MASTHEAD_TEST_CLOCK: "true" },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
