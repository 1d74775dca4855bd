import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_DRAFT, DEMO_PASSWORD, SAMPLE, signIn, storageState } from "./fixtures/accounts";

test.describe("signed out", () => {
  test("the newsroom sends visitors to sign in and back to where they were going", async ({ page }) => {
    await page.goto("/newsroom/articles/new");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnewsroom%2Farticles%2Fnew/);
    await signIn(page, ACCOUNTS.writer.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/newsroom\/articles\/new$/);
    await expect(page.getByLabel("Headline")).toBeVisible();
  });

  for (const target of ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "https://evil.example/"]) {
    test(`an open redirect attempt (${target}) lands on the newsroom`, async ({ page }) => {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      await signIn(page, ACCOUNTS.writer.email, DEMO_PASSWORD);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/newsroom$/);
      await expect(page.getByRole("heading", { name: "My articles" })).toBeVisible();
    });
  }

  test("a wrong password shows one message and keeps the visitor out", async ({ page }) => {
    await page.goto("/signin");
    await signIn(page, ACCOUNTS.editor.email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/newsroom");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/signin");
    await signIn(page, "nobody-here@example.com", DEMO_PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  });
});

test.describe("writer", () => {
  test.use({ storageState: storageState("writer") });
  test("sees My articles with their own work and no people admin", async ({ page }) => {
    await page.goto("/newsroom");
    await expect(page.getByRole("region", { name: "My articles" })).toBeVisible();
    // The desk lists the latest changes; the whole list is a search away (other specs add stories).
    // It holds colleagues' stories too (read-only, the newsroom's default): narrowed to their own.
    await page.getByRole("link", { name: /^Search/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "All articles" })).toBeVisible();
    const filters = page.getByRole("search", { name: "Articles" });
    await filters.getByLabel("Author").selectOption({ label: ACCOUNTS.writer.name });
    await filters.getByRole("button", { name: "Show articles" }).click();
    await expect(page).toHaveURL(/author=[0-9a-f-]{36}/);
    const mine = page.getByRole("region", { name: "Results" });
    await expect(mine.getByRole("link", { name: DEMO_DRAFT })).toBeVisible();
    await expect(
      mine.getByRole("row").filter({ hasText: "Published" }).getByRole("link", { name: SAMPLE.headline }),
    ).toBeVisible();
    await page.goto("/newsroom");
    await expect(
      page.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: DEMO_DRAFT }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
    await page.goto("/newsroom/admin/users");
    await expect(page.getByText("Only admins can manage people.")).toBeVisible();
  });
});

test.describe("editor", () => {
  test.use({ storageState: storageState("editor") });
  test("sees All articles, including the writer's draft", async ({ page }) => {
    await page.goto("/newsroom");
    await expect(page.getByRole("heading", { name: "Editors' desk" })).toBeVisible();
    await expect(page.getByRole("region", { name: "All articles" })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Review queue/ })).toBeVisible();
    // The writer's draft, found in the whole list by its words.
    await page.goto(`/newsroom/articles?q=${encodeURIComponent("cycle lanes")}`);
    await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: DEMO_DRAFT })).toBeVisible();
    await page.goto("/newsroom");
    await expect(page.getByText(`${ACCOUNTS.editor.name} (Editor)`)).toBeVisible();
    await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });
  test("sees All articles and the People page", async ({ page }) => {
    await page.goto("/newsroom");
    await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
    await page.getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: ACCOUNTS.writer.email })).toBeVisible();
  });
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, ACCOUNTS.editor.email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/newsroom");
  await expect(page).toHaveURL(/\/signin/);
});

test("repeated failures for one account from one place are held off there, with a message saying how long", async ({
  page,
}) => {
  const email = `locked.${Date.now()}@example.com`;
  await page.goto("/signin");
  const alert = page.getByRole("main").getByRole("alert");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn(page, email, `wrong-${attempt}`);
    await expect(alert).toHaveText("Email or password is incorrect.");
    await page.getByLabel("Password").fill("");
  }
  await signIn(page, email, "wrong-6");
  await expect(alert).toHaveText(/^Too many failed sign-in attempts\. Try again in \d+ (seconds|minutes?)\.$/);
});
