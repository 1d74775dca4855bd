import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { paragraphsDoc, publishStory } from "./fixtures/api";

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("an admin adds a section, renames it, moves it, retires it and brings it back; its address stays", async ({
    page,
  }) => {
    test.slow();
    const stamp = Date.now();
    const name = `Climate ${stamp}`;
    await page.goto("/newsroom");
    await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Sections" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sections" })).toBeVisible();

    // A name already taken is refused, said next to the field, and what was typed stays.
    await page.getByLabel("Name", { exact: true }).fill("world");
    await page.getByRole("button", { name: "Add section" }).click();
    await expect(page.getByText("Another section has that name")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("world");

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add section" }).click();
    await expect(page.getByRole("status")).toHaveText(`${name} added at the end of the list.`);
    const row = page.getByRole("row", { name: new RegExp(`^${name}`) });
    await expect(row).toContainText(`/sections/climate-${stamp}`);

    await row.getByRole("button", { name: `Rename ${name}` }).click();
    await page.getByLabel(`New name for ${name}`).fill(`Climate and energy ${stamp}`);
    await page.getByRole("button", { name: "Save name" }).click();
    const renamed = page.getByRole("row", { name: new RegExp(`^Climate and energy ${stamp}`) });
    await expect(renamed).toContainText(`/sections/climate-${stamp}`);

    // Last in the list: Down is off, Up moves it one place.
    await expect(renamed.getByRole("button", { name: /Move .* down/ })).toBeDisabled();
    await renamed.getByRole("button", { name: /Move .* up/ }).click();
    await expect(page.getByRole("status")).toHaveText(`Climate and energy ${stamp} moved up.`);
    await expect(renamed.getByRole("button", { name: /Move .* down/ })).toBeEnabled();

    await renamed.getByRole("button", { name: `Retire Climate and energy ${stamp}` }).click();
    const dialog = page.getByRole("dialog", { name: `Retire Climate and energy ${stamp}?` });
    await expect(dialog).toContainText(`/sections/climate-${stamp} stays`);
    await dialog.getByRole("button", { name: "Retire section" }).click();
    await expect(renamed).toContainText("(retired)");
    await expectAxeCleanLightAndDark(page);

    // Not offered for new work while retired.
    await page.goto("/newsroom/budget/new");
    await expect(page.getByLabel("Section").locator("option", { hasText: `Climate and energy ${stamp}` })).toHaveCount(
      0,
    );
    await page.goto("/newsroom/admin/sections");
    await renamed.getByRole("button", { name: `Bring Climate and energy ${stamp} back` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Bring back" }).click();
    await expect(renamed).not.toContainText("(retired)");
  });

  test("the settings page says what the writers' reading setting does, and is axe-clean", async ({ page }) => {
    await page.goto("/newsroom/admin/settings");
    await expect(page.getByLabel("Writers may read their colleagues’ stories")).toBeChecked();
    await expect(page.getByText("Read-only: they cannot edit, comment on or move")).toBeVisible();
    await expectAxeCleanLightAndDark(page);
  });
});

test.describe("as an editor", () => {
  test.use({ storageState: storageState("editor") });

  test("an editor renames a tag and merges it into another; every old address leads to the tag's page", async ({
    page,
  }) => {
    test.slow();
    const stamp = Date.now();
    const story = await publishStory(page.request, {
      headline: `Rivers rise again ${stamp}`,
      standfirst: "The third flood this winter.",
      body: paragraphsDoc("Water reached the square."),
      section: "World",
      tags: [`Flood ${stamp}`],
    });
    await publishStory(page.request, {
      headline: `Dams hold ${stamp}`,
      standfirst: "Engineers relieved.",
      body: paragraphsDoc("The new gates worked."),
      section: "World",
      tags: [`Floods ${stamp}`],
    });

    await page.goto("/newsroom");
    await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Tags" }).click();
    const search = page.getByRole("search", { name: "Tags" });
    await search.getByLabel("Find tags").fill(String(stamp));
    await search.getByRole("button", { name: "Find" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`^Flood ${stamp}`) })).toContainText("1 story");

    await page.getByRole("button", { name: `Rename “Flood ${stamp}”` }).click();
    await page.getByLabel(`New name for “Flood ${stamp}”`).fill(`Flooding ${stamp}`);
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("status")).toHaveText(`“Flood ${stamp}” is now “Flooding ${stamp}”.`);
    const old = await page.request.get(`/tags/flood-${stamp}`, { maxRedirects: 0 });
    expect(old.status()).toBe(301);
    expect(old.headers().location).toBe(`/tags/flooding-${stamp}`);

    // Merged into the other: both earlier addresses lead to it, and the story carries it.
    await page.getByRole("button", { name: `Merge “Flooding ${stamp}” into another tag` }).click();
    const dialog = page.getByRole("dialog", { name: `Merge “Flooding ${stamp}” into another tag` });
    await dialog.getByRole("button", { name: "Merge tags" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Choose the tag to merge into.");
    await dialog.getByLabel("Merge into").selectOption({ label: `Floods ${stamp} (1 story)` });
    await dialog.getByRole("button", { name: "Merge tags" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `“Flooding ${stamp}” merged into “Floods ${stamp}”: 1 story moved.`,
    );
    await expect(page.getByRole("row", { name: new RegExp(`^Floods ${stamp}`) })).toContainText("2 stories");
    for (const slug of [`flood-${stamp}`, `flooding-${stamp}`]) {
      const moved = await page.request.get(`/tags/${slug}`, { maxRedirects: 0 });
      expect(moved.status()).toBe(301);
      expect(moved.headers().location).toBe(`/tags/floods-${stamp}`);
    }
    const tagPage = await (await page.request.get(`/tags/floods-${stamp}`)).text();
    expect(tagPage).toContain(`Rivers rise again ${stamp}`);
    expect(await (await page.request.get(`/articles/${story.slug}`)).text()).toContain(`href="/tags/floods-${stamp}"`);
    await expectAxeCleanLightAndDark(page);
  });
});
