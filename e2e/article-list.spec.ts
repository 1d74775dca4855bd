import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { paragraphsDoc, submittedStory } from "./fixtures/api";

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
