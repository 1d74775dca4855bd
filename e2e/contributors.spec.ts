import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { mutate, paragraphsDoc, query, submittedStory } from "./fixtures/api";
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
