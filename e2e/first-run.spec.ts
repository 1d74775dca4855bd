import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./fixtures/accounts";
import { PORT } from "./fixtures/site";

// A production server of its own on an empty data directory, as a newsroom would first start it.
const FIRST_RUN_PORT = PORT + 1;

test("a fresh production server prints a set-up link, makes the first admin there, and has no demo login", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "masthead-first-run-"));
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["scripts/start.mjs", "start"], {
      env: { ...process.env, PORT: String(FIRST_RUN_PORT), MASTHEAD_DATA_DIR: dataDir, NEXTAUTH_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const setupLink = await new Promise<string>((resolve, reject) => {
      server?.stdout?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        const link = /https?:\/\/\S+\/signin\/setup\/[A-Za-z0-9_-]{43}/.exec(log)?.[0];
        if (link && log.includes("masthead: ready on")) resolve(link);
      });
      server?.on("exit", (code) => reject(new Error(`The server stopped (${code}):\n${log}`)));
    });
    expect(log).not.toContain("Demo accounts");

    const base = `http://localhost:${FIRST_RUN_PORT}`;
    await page.goto(`${base}/signin`);
    await signIn(page, ACCOUNTS.admin.email, DEMO_PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");

    await page.goto(setupLink);
    await page.getByLabel("Your email").fill("chief@newsroom.example");
    await page.getByLabel("Your name").fill("Chief Editor");
    await page.getByLabel("Choose a password").fill("the first admin's password");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
    await expect(page.getByRole("link", { name: "People" })).toBeVisible();

    // The link worked once.
    await page.goto(setupLink);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("has expired or has already been used");
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server?.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
