import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";

test.use({ storageState: storageState("writer") });

test("a writer creates a draft, finds it in My articles, and the public cannot open it", async ({ page, browser }) => {
  const headline = `Harbour ferry timetable changes ${Date.now()}`;
  await page.goto("/newsroom");
  await page.getByRole("link", { name: "New article" }).first().click();
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page.getByRole("heading", { name: headline })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const slug = await page.getByLabel("Slug").inputValue();
  expect(slug).toMatch(/^harbour-ferry-timetable-changes-\d+$/);

  await page.getByRole("link", { name: "Articles", exact: true }).click();
  await expect(page.getByRole("region", { name: "My articles" }).getByRole("link", { name: headline })).toBeVisible();
  await expect(page.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: headline })).toBeVisible();

  const reader = await browser.newContext();
  const publicPage = await reader.newPage();
  const response = await publicPage.goto(`/articles/${slug}`);
  expect(response?.status()).toBe(404);
  await expect(publicPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await publicPage.goto("/");
  await expect(publicPage.getByText(headline)).toHaveCount(0);
  await reader.close();
});

test("an empty headline is refused with a message and nothing is created", async ({ page }) => {
  await page.goto("/newsroom/articles/new");
  await page.getByLabel("Headline").fill("   ");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Headline is required")).toBeVisible();
  await expect(page).toHaveURL(/\/newsroom\/articles\/new$/);
});

test("a headline over the limit is refused by the server and stays in the field", async ({ page }) => {
  await page.goto("/newsroom/articles/new");
  const long = "Very long headline ".repeat(12);
  await page.getByLabel("Headline").fill(long);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Headline must be at most 200 characters")).toBeVisible();
  await expect(page.getByLabel("Headline")).toHaveValue(long);
});
