import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { fillAndSubmit, mutate, paragraphsDoc, query } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";

test.use({ storageState: storageState("editor") });

/** A new live blog made in the workspace, then given its intro and published (the desk's usual steps, through the API). */
async function startLiveBlog(page: Page, headline: string) {
  await page.goto("/newsroom/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel(/^Live blog/).check();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Live entries" })).toBeVisible();
  const id = page.url().split("/").at(-1) ?? "";
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
  return { id };
}

test("an editor runs a live blog: three entries, a pinned one and key events; a reader sees them after reloading", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now();
  const { id } = await startLiveBlog(page, `Election night ${stamp}, live`);

  const add = async (text: string, keyEvent = "") => {
    await page.getByLabel("New entry").fill(text);
    await page.getByLabel("Key event line (optional)").fill(keyEvent);
    await page.getByRole("button", { name: "Add entry" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Entry added." })).toBeVisible();
    // A fresh, empty editor for the next one.
    await expect(page.getByLabel("New entry")).toHaveText("");
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

test("an entry is written with the story editor: bold words stay bold through an edit, and reach readers", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const { id } = await startLiveBlog(page, `Count night ${stamp}, live`);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Write something in the entry first." })).toBeVisible();

  const entry = page.getByLabel("New entry");
  await entry.click();
  await page.keyboard.type(`Counting resumes ${stamp} in `);
  await page.keyboard.press("ControlOrMeta+B");
  await page.keyboard.type("Harbour ward");
  await page.keyboard.press("ControlOrMeta+B");
  await page.keyboard.type(".");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry added." })).toBeVisible();
  const listed = page.getByRole("list", { name: "Entries, newest first" }).getByRole("listitem").first();
  await expect(listed.locator("strong")).toHaveText("Harbour ward");
  await expectAxeCleanLightAndDark(page);

  // Changed afterwards: a sentence added at its end, the bold words untouched.
  await listed.getByRole("button", { name: /^Edit the entry “Counting resumes/ }).click();
  await page.getByLabel("Entry text").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Turnout is up.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry saved." })).toBeVisible();
  await expect(listed).toContainText(`Counting resumes ${stamp} in Harbour ward. Turnout is up.`);
  await expect(listed.locator("strong")).toHaveText("Harbour ward");

  const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const slug = (await query<{ slug: string }>(page.request, "article.get", { id })).slug;
  const update = reader.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem").first();
  await expect(async () => {
    await reader.goto(`/articles/${slug}`);
    await expect(update).toContainText("Turnout is up.", { timeout: 1000 });
  }).toPass();
  await expect(update.locator("strong")).toHaveText("Harbour ward");
  await reader.context().close();
});
