import { expect, test } from "@playwright/test";
import { signIn, storageState } from "./fixtures/accounts";

test.use({ storageState: storageState("admin") });

test("an admin adds a person, who signs in; a role change and a deactivation apply on their next request", async ({
  page,
  browser,
}) => {
  const email = `reporter.${Date.now()}@example.com`;
  const password = "a-good-long-password";
  await page.goto("/newsroom/admin/users");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Rita Reporter");
  await page.getByLabel("Role", { exact: true }).selectOption("WRITER");
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("status")).toHaveText(`Rita Reporter can now sign in as ${email}.`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const other = await browser.newContext({ storageState: undefined });
  const rita = await other.newPage();
  await rita.goto("/signin");
  await signIn(rita, email, password);
  await expect(rita.getByRole("heading", { name: "My articles" })).toBeVisible();

  await page.getByLabel("Role of Rita Reporter").selectOption("EDITOR");
  await expect(page.getByLabel("Role of Rita Reporter")).toHaveValue("EDITOR");
  await rita.reload();
  await expect(rita.getByRole("heading", { name: "All articles" })).toBeVisible();

  await page.getByRole("button", { name: "Deactivate Rita Reporter" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Rita Reporter" })).toBeVisible();
  await rita.goto("/newsroom");
  await expect(rita).toHaveURL(/\/signin/);
  await other.close();
});

test("the form keeps what was typed and shows per-field messages when input is refused", async ({ page }) => {
  await page.goto("/newsroom/admin/users");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Name")).toHaveValue("Someone");
});

test("the last admin cannot deactivate themselves", async ({ page }) => {
  await page.goto("/newsroom/admin/users");
  await page.getByRole("button", { name: "Deactivate Ada Admin" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least one active admin");
  await expect(page.getByRole("button", { name: "Deactivate Ada Admin" })).toBeVisible();
});
