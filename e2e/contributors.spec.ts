import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { mutate, paragraphsDoc, publishStory, query, submittedStory } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { expectLive } from "./fixtures/co-editing";

test.use({ storageState: storageState("editor") });

test("an editor adds a contributor and an agency credit, puts both on a byline in order; readers see it and their pages", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now();
  const fran = `Fran Freelance ${stamp}`;
  const wire = `Wire ${stamp}`;

  // The contributors page: a freelancer with a bio, and an agency credit.
  await page.goto("/newsroom");
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Contributors" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contributors" })).toBeVisible();
  await page.getByRole("button", { name: "Add a contributor" }).click();
  await page.getByLabel("Name").fill(fran);
  await page.getByLabel("Bio (optional)").fill("Covers the islands by ferry.");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${fran}`);
  await page.getByRole("button", { name: "Add a contributor" }).click();
  await page.getByLabel("Name").fill(wire);
  await page.getByRole("radio", { name: /Agency credit/ }).check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${wire}`);
  // The same agency twice is refused next to its name; what was typed stays.
  await page.getByRole("button", { name: "Add a contributor" }).click();
  await page.getByLabel("Name").fill(wire.toUpperCase());
  await page.getByRole("radio", { name: /Agency credit/ }).check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(`There is already an agency credit called “${wire.toUpperCase()}”`)).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(wire.toUpperCase());
  await page.getByRole("button", { name: "Cancel" }).click();
  await expectAxeCleanLightAndDark(page);
  await page.emulateMedia({ colorScheme: "light" });

  // A story whose byline the editor orders: the agency first, then the editor, then Fran.
  const headline = `Ferry strike ends ${stamp}`;
  const created = await submittedStory(page.request, {
    headline,
    standfirst: "The crews are back at work.",
    body: paragraphsDoc("The ferries sail again from six."),
  });
  await page.goto(`/newsroom/articles/${created.id}`);
  await expectLive(page);
  const byline = page.getByRole("group", { name: "Byline" });
  for (const name of [fran, wire]) {
    await byline.getByLabel("Add to the byline").selectOption({ label: name });
    await byline.getByRole("button", { name: "Add", exact: true }).click();
  }
  await byline.getByRole("button", { name: `Move ${wire} earlier` }).click();
  await byline.getByRole("button", { name: `Move ${wire} earlier` }).click();
  await expect(byline.getByRole("listitem")).toHaveText([
    new RegExp(`^${wire} \\(agency\\)`),
    /^Eddie Editor/,
    new RegExp(`^${fran} \\(contributor\\)`),
  ]);
  await expect(page.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();

  // Published; readers see the byline in that order, and each name's page.
  const { version, slug } = await query<{ version: number; slug: string }>(page.request, "article.get", {
    id: created.id,
  });
  await mutate(page.request, "workflow.publish", { id: created.id, version });
  const reader = await browser.newPage();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByText(`By ${wire}, Eddie Editor and ${fran}`)).toBeVisible();
  const ld = await reader.locator('script[type="application/ld+json"]').allTextContents();
  expect(ld.join("")).toContain(`{"@type":"Organization","name":"${wire}"`);
  await reader.getByRole("link", { name: fran }).click();
  await expect(reader.getByRole("heading", { level: 1, name: fran })).toBeVisible();
  await expect(reader.getByText("Covers the islands by ferry.")).toBeVisible();
  await expect(reader.getByRole("link", { name: headline })).toBeVisible();
  await reader.goBack();
  await reader.getByRole("link", { name: wire }).click();
  await expect(reader.getByRole("heading", { level: 1, name: wire })).toBeVisible();
  await reader.close();
});

test("an editor merges a duplicate agency credit on a live byline and deletes one added by mistake; old links follow", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const made = (name: string, kind: "PERSON" | "AGENCY") =>
    mutate<{ id: string; slug: string }>(page.request, "contributor.create", { kind, name, bio: "", photoUrl: null });
  const kept = await made(`Wire ${stamp}`, "AGENCY");
  const duplicate = await made(`Wire Service ${stamp}`, "AGENCY");
  await made(`Typo Person ${stamp}`, "PERSON");
  const headline = `Harbour reopens ${stamp}`;
  const story = await publishStory(page.request, {
    headline,
    standfirst: "Ships are back.",
    body: paragraphsDoc("The harbour reopened at dawn."),
    authorIds: [duplicate.id],
  });

  await page.goto("/newsroom/contributors");
  const row = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(row(`Wire Service ${stamp}`)).toContainText("1 story");
  // A credited one cannot be deleted (only merged).
  await expect(row(`Wire Service ${stamp}`).getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.getByRole("button", { name: `Merge Wire Service ${stamp} into another credit` }).click();
  const dialog = page.getByRole("dialog", { name: `Merge “Wire Service ${stamp}” into another credit` });
  await expect(dialog).toBeVisible();
  // Confirming without a choice says what is missing and merges nothing.
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog.getByText("Choose the credit to merge into.")).toBeVisible();
  await dialog.getByLabel("Merge into").selectOption({ label: `Wire ${stamp} (agency credit, 0 stories)` });
  await expectAxeCleanLightAndDark(page);
  await page.emulateMedia({ colorScheme: "light" });
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText(`Wire Service ${stamp} merged into Wire ${stamp}: 1 story moved.`);
  await expect(row(`Wire Service ${stamp}`)).toHaveCount(0);
  await expect(row(`Wire ${stamp}`)).toContainText("1 story");
  await expect(row(`Wire ${stamp}`)).toContainText(`Also answers at /authors/${duplicate.slug}`);

  // The one added by mistake, deleted from the keyboard.
  await page.getByRole("button", { name: `Delete Typo Person ${stamp}` }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: `Delete “Typo Person ${stamp}”?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status")).toHaveText(`Deleted Typo Person ${stamp}.`);
  await expect(row(`Typo Person ${stamp}`)).toHaveCount(0);

  // Readers: the story's byline, and the old author page and feed lead to the kept one.
  const reader = await browser.newPage();
  await expect(async () => {
    await reader.goto(`/articles/${story.slug}`);
    await expect(reader.getByText(`By Wire ${stamp}`)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(reader.getByText(`Wire Service ${stamp}`)).toHaveCount(0);
  await expect(async () => {
    await reader.goto(`/authors/${duplicate.slug}`);
    expect(reader.url()).toMatch(new RegExp(`/authors/${kept.slug}$`));
    await expect(reader.getByRole("heading", { level: 1, name: `Wire ${stamp}` })).toBeVisible({ timeout: 1000 });
    await expect(reader.getByRole("link", { name: headline })).toBeVisible({ timeout: 1000 });
  }).toPass();
  const feed = await reader.request.get(`/authors/${duplicate.slug}/feed.xml`, { maxRedirects: 0 });
  expect(feed.status()).toBe(301);
  expect(feed.headers().location).toBe(`/authors/${kept.slug}/feed.xml`);
  await reader.close();
});
