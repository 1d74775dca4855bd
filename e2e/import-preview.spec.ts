import { expect, test } from "@playwright/test";
import { SAMPLE, storageState } from "./fixtures/accounts";
import { expectAxeClean } from "./fixtures/axe";

test.use({ storageState: storageState("writer") });

test("the sample story imports from Markdown and previews as the public page will show it", async ({ page }) => {
  await page.goto("/newsroom/articles/new");
  await page.getByLabel("Import Markdown").setInputFiles("prisma/seed/sample-article.md");
  const notes = page.getByRole("status").filter({ hasText: "Imported as a draft" });
  await expect(notes).toContainText("The hero image sample-hero.jpg was not imported");
  await notes.getByRole("link", { name: "Open the draft" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  await expect(page.getByLabel("Standfirst")).toHaveValue(SAMPLE.standfirst);
  await expect(page.getByLabel("Section")).toHaveValue(/.+/);
  const body = page.getByRole("textbox", { name: "Body" });
  await expect(body.locator("p")).toHaveCount(SAMPLE.paragraphs);

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("note")).toContainText("Preview of the working copy (Draft)");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  await expect(page.locator("article .article-body > p")).toHaveCount(SAMPLE.paragraphs);
  await expectAxeClean(page);
});

test("a file that is not an article is refused with a message", async ({ page }) => {
  await page.goto("/newsroom/articles/new");
  await page
    .getByLabel("Import Markdown")
    .setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("Just some notes") });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no front matter");
});
