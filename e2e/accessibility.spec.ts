import { expect, test } from "@playwright/test";
import { SAMPLE, storageState, type RoleKey } from "./fixtures/accounts";
import { expectAxeClean } from "./fixtures/axe";

const publicPages = ["/", "/signin", "/articles/no-such-story", "/no/such/page"];
for (const path of publicPages) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectAxeClean(page);
  });
}

test("axe finds nothing on the sample article page", async ({ page }) => {
  await page.goto(SAMPLE.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  await expectAxeClean(page);
});

const newsroomPages: [RoleKey, string][] = [
  ["writer", "/newsroom"],
  ["editor", "/newsroom"],
  ["writer", "/newsroom/articles/new"],
  ["admin", "/newsroom/admin/users"],
  ["writer", "/newsroom/notifications"],
  ["writer", "/newsroom/media"],
  ["writer", "/newsroom/profile"],
  ["writer", "/newsroom/account"],
  ["admin", "/newsroom/admin/outbox"],
  // (The budget's week, a line's page with the editor's form, the calendar and the desk's
  // assignments are checked with content, light and dark, in budget.spec.ts.)
  ["editor", "/newsroom/articles?q=council&status=DRAFT&sort=published"],
  ["writer", "/newsroom/budget/new"],
];
for (const [role, path] of newsroomPages) {
  test.describe(`${role} on ${path}`, () => {
    test.use({ storageState: storageState(role) });
    test("axe finds nothing", async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
      if (path.endsWith("/users")) await expect(page.getByRole("cell").first()).toBeVisible();
      await expectAxeClean(page);
    });
  });
}

for (const path of ["/signin", "/signin/forgot", `/signin/reset/${"x".repeat(43)}`]) {
  test(`${path.slice(0, 20)} (signed out): axe finds nothing`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAxeClean(page);
  });
}

test("the keyboard reaches the skip link first and it moves to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
  await page.keyboard.press("Tab");
  // Other tests publish stories too: the lead is whichever is newest.
  await expect(page.locator("main article h2 a").first()).toBeFocused();
});

test("sign-in works from the keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // site name
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("writer@example.com");
  await page.keyboard.press("Tab");
  await page.keyboard.type("masthead-demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My articles" })).toBeVisible();
});

for (const role of ["writer", "editor"] as RoleKey[]) {
  test.describe(`${role} on an article's page`, () => {
    test.use({ storageState: storageState(role) });
    test("axe finds nothing, with a dialog open too", async ({ page }) => {
      await page.goto("/newsroom");
      await page
        .getByRole("region", { name: role === "writer" ? "My articles" : "All articles" })
        .getByRole("row")
        .filter({ hasText: "Published" })
        .getByRole("link", { name: SAMPLE.headline })
        .click();
      await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
      await expectAxeClean(page);
      if (role === "editor") {
        await page.getByRole("button", { name: "Unpublish" }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectAxeClean(page);
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toHaveCount(0);
      }
    });
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the newsroom passes axe in ${colorScheme} mode: desk, workspace with every group open, compare, a version`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme, storageState: storageState("editor") });
    const page = await context.newPage();
    await page.goto("/newsroom");
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await expectAxeClean(page);
    await page
      .getByRole("region", { name: "All articles" })
      .getByRole("row")
      .filter({ hasText: "Published" })
      .getByRole("link", { name: SAMPLE.headline })
      .click();
    const panel = page.getByRole("complementary", { name: "Workflow and details" });
    await expect(panel.getByRole("heading", { name: "Timeline" })).toBeVisible();
    for (const summary of await panel.locator("details:not([open]) > summary").all()) await summary.click();
    await expect(panel.locator("details:not([open])")).toHaveCount(0);
    await expectAxeClean(page);
    await panel.getByRole("link", { name: "Compare versions" }).click();
    await expect(page.getByRole("heading", { name: "Compare versions" })).toBeVisible();
    await expectAxeClean(page);
    await page.goBack();
    await panel
      .getByRole("region", { name: "Versions" })
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("link", { name: "Compare with the working copy" })).toBeVisible();
    await expectAxeClean(page);
    await context.close();
  });
}
