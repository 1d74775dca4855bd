import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { paragraphsDoc, publishStory, submittedStory } from "./fixtures/api";

test.use({ storageState: storageState("editor") });

test("an editor searches and filters the article list; the view survives a reload and opens from its link elsewhere", async ({
  page,
  browser,
}) => {
  test.slow();
  // A word no other story has, in the body only; two stories carry it, one in Culture.
  const word = `quokka${Date.now()}`;
  const inWorld = `Island wildlife count ${Date.now()}`;
  const inCulture = `A film about islands ${Date.now()}`;
  await submittedStory(page.request, {
    headline: inWorld,
    standfirst: "Rangers counted again.",
    body: paragraphsDoc(`The ${word} population doubled.`),
    section: "World",
    tags: ["Wildlife"],
  });
  await submittedStory(page.request, {
    headline: inCulture,
    standfirst: "A festival favourite.",
    body: paragraphsDoc(`A documentary about the ${word}.`),
    section: "Culture",
  });

  await page.goto("/newsroom");
  await page.getByRole("link", { name: /^Search/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All articles" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Articles" });
  await filters.getByLabel("Search headline, standfirst and text").fill(word);
  await filters.getByRole("button", { name: "Show articles" }).click();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("link", { name: inWorld })).toBeVisible();
  await expect(results.getByRole("link", { name: inCulture })).toBeVisible();

  // Narrowed to stories in review in World.
  await filters.getByLabel("In review").check();
  await filters.getByLabel("Section").selectOption({ label: "World" });
  await filters.getByRole("button", { name: "Show articles" }).click();
  await expect(page).toHaveURL(/status=IN_REVIEW/);
  await expect(results.getByRole("link", { name: inWorld })).toBeVisible();
  await expect(results.getByRole("link", { name: inCulture })).toHaveCount(0);

  // A reload keeps the view and the form says what it is.
  await page.reload();
  await expect(results.getByRole("link", { name: inWorld })).toBeVisible();
  await expect(results.getByRole("link", { name: inCulture })).toHaveCount(0);
  await expect(filters.getByLabel("Search headline, standfirst and text")).toHaveValue(word);
  await expect(filters.getByLabel("In review")).toBeChecked();
  await expect(filters.getByLabel("Section").locator("option:checked")).toHaveText("World");

  // The link, sent to a colleague, opens the same view.
  const colleague = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await colleague.goto(page.url());
  await expect(colleague.getByRole("region", { name: "Results" }).getByRole("link", { name: inWorld })).toBeVisible();
  await expect(colleague.getByRole("region", { name: "Results" }).getByRole("link", { name: inCulture })).toHaveCount(
    0,
  );

  // A broken link says so instead of failing.
  await page.goto("/newsroom/articles?cursor=broken");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That page link is broken");
  await colleague.context().close();
});

test("an editor tags and then spikes several stories at once: a confirmation says how many, and each outcome is listed", async ({
  page,
}) => {
  test.slow();
  const word = `wombat${Date.now()}`;
  const drafts = [`Wombat crossing ${Date.now()}`, `Wombat burrows ${Date.now()}`];
  const live = `Wombat census published ${Date.now()}`;
  for (const headline of drafts)
    await submittedStory(page.request, {
      headline,
      standfirst: "Rangers report.",
      body: paragraphsDoc(`The ${word} story.`),
      section: "World",
    });
  const published = await publishStory(page.request, {
    headline: live,
    standfirst: "The count is out.",
    body: paragraphsDoc(`The ${word} count.`),
    section: "World",
  });

  await page.goto(`/newsroom/articles?q=${word}`);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("link", { name: live })).toBeVisible();
  const bulk = page.getByRole("group", { name: "With the selected articles" });

  // Nothing selected: said, nothing asked.
  await bulk.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Select at least one article first.");

  // All three tagged; the confirmation counts them.
  await bulk.getByRole("button", { name: "Select all on this page" }).click();
  await expect(bulk.getByText("3 articles selected")).toBeVisible();
  await bulk.getByLabel("Action").selectOption({ label: "Add tag" });
  await bulk.getByLabel("Tag").fill("Wildlife");
  await bulk.getByRole("button", { name: "Apply" }).click();
  const dialog = page.getByRole("dialog", { name: "Tag 3 articles “Wildlife”?" });
  await dialog.getByRole("button", { name: "Tag 3 articles" }).click();
  await expect(results.getByRole("heading", { name: "3 articles changed" })).toBeVisible();
  await expect(bulk.getByText("0 articles selected")).toBeVisible();
  await expect(bulk.getByLabel("Tag")).toHaveValue("Wildlife");
  // The live story shows the tag to readers at once.
  const reader = await page.request.get(`/articles/${published.slug}`);
  expect(await reader.text()).toContain('href="/tags/wildlife"');

  // Spiking all three: the drafts go, the live story is refused with the reason and stays.
  await bulk.getByRole("button", { name: "Select all on this page" }).click();
  await bulk.getByLabel("Action").selectOption({ label: "Spike" });
  await bulk.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("dialog", { name: "Spike 3 articles?" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await bulk.getByRole("button", { name: "Apply" }).click();
  await page
    .getByRole("dialog", { name: "Spike 3 articles?" })
    .getByRole("button", { name: "Spike 3 articles" })
    .click();
  const outcome = page.getByRole("status").filter({ hasText: "2 articles changed, 1 refused" });
  await expect(outcome).toBeVisible();
  await expect(outcome.getByRole("listitem").filter({ hasText: live })).toContainText("refused");
  for (const headline of drafts)
    await expect(outcome.getByRole("listitem").filter({ hasText: headline })).toContainText("done");
  await expect(results.getByRole("row").filter({ hasText: live })).toContainText("Published");
  for (const headline of drafts)
    await expect(results.getByRole("row").filter({ hasText: headline })).toContainText("Spiked");
});
