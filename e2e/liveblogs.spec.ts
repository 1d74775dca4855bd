import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { fillAndSubmit, mutate, paragraphsDoc, query } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";

test.use({ storageState: storageState("editor") });

test("an editor runs a live blog: three entries, a pinned one and key events; a reader sees them after reloading", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now();
  const headline = `Election night ${stamp}, live`;
  await page.goto("/newsroom/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel(/^Live blog/).check();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Live entries" })).toBeVisible();
  const id = page.url().split("/").at(-1) ?? "";
  // Its intro and section, then live (the desk's usual steps, here through the API).
  const article = await query<{ version: number; slug: string }>(page.request, "article.get", { id });
  const submitted = await fillAndSubmit(
    page.request,
    { id, version: article.version },
    {
      headline,
      standfirst: "Results from every ward as they come in.",
      body: paragraphsDoc("Follow the count with our reporters at the town hall."),
    },
  );
  await mutate(page.request, "workflow.publish", { id, ...submitted });
  await page.reload();

  const add = async (text: string, keyEvent = "") => {
    await page.getByLabel("New entry").fill(text);
    await page.getByLabel("Key event line (optional)").fill(keyEvent);
    await page.getByRole("button", { name: "Add entry" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Entry added." })).toBeVisible();
    await expect(page.getByLabel("New entry")).toHaveValue("");
  };
  await add(`Polls have closed ${stamp}.`, "Polls close");
  await add(`First result: Harbour ward ${stamp}.`);
  await add(`Turnout is 61% ${stamp}.`, "Turnout 61%");
  // Buttons name the entry by its opening words.
  await page.getByRole("button", { name: /^Pin the entry “First result: Harbour ward/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pinned entry changed." })).toBeVisible();

  const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const slug = (await query<{ slug: string }>(page.request, "article.get", { id })).slug;
  await reader.goto(`/articles/${slug}`);
  const updates = reader.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem");
  await expect(updates).toHaveCount(3);
  await expect(updates.nth(0)).toContainText(`Turnout is 61% ${stamp}.`);
  await expect(updates.nth(2)).toContainText(`Polls have closed ${stamp}.`);
  await expect(reader.getByText("Pinned", { exact: true })).toBeVisible();
  const keyEvents = reader.getByRole("navigation", { name: "Key events" }).getByRole("link");
  await expect(keyEvents).toHaveCount(2);
  await expect(keyEvents.nth(0)).toContainText("Turnout 61%");
  await expect(reader.getByText(/Last updated .*Reload the page for the latest updates\./)).toBeVisible();
  const ld = (await reader.locator('script[type="application/ld+json"]').allTextContents()).join("");
  expect(ld).toContain('"@type":"LiveBlogPosting"');
  expect(ld).toContain("liveBlogUpdate");
  await expectAxeCleanLightAndDark(reader);

  // A fourth entry while the reader has the page open: there after a reload, and in the feed.
  await add(`Harbour ward recount called ${stamp}.`, "Recount");
  // The page is rebuilt in the background; the copy before it is served meanwhile.
  await expect(async () => {
    await reader.reload();
    await expect(updates).toHaveCount(4, { timeout: 1000 });
  }).toPass();
  await expect(updates.nth(0)).toContainText(`Harbour ward recount called ${stamp}.`);
  await keyEvents.nth(0).click();
  await expect(reader).toHaveURL(/#entry-/);
  const feed = await reader.request.get(`/articles/${slug}/live.atom`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml.match(/<entry/g)).toHaveLength(4);
  expect(xml).toContain(`Harbour ward recount called ${stamp}.`);

  // Coverage ends: no more entries, and readers are told.
  await page.getByRole("button", { name: "End coverage" }).click();
  await page
    .getByRole("dialog", { name: "End the live coverage?" })
    .getByRole("button", { name: "End coverage" })
    .click();
  await expect(page.getByText(/Coverage ended .*: no more entries\./)).toBeVisible();
  await expect(page.getByLabel("New entry")).toHaveCount(0);
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByText(/^Coverage ended/)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await reader.context().close();
});
