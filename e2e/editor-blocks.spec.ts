import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { newDraft } from "./fixtures/workflow";

test.use({ storageState: storageState("writer") });

async function insertEmbed(page: Page, url: string) {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: "Embed" });
  await dialog.getByLabel("Address of the post or video").fill(url);
  await dialog.getByRole("button", { name: "Insert embed" }).click();
  await expect(dialog).toHaveCount(0);
}

const YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

test("insert each kind of block and type at once: every block stays, the words go after it", async ({ page }) => {
  const body = await newDraft(page, `Blocks then typing ${Date.now()}`);
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await page.keyboard.type("The opening paragraph.");
  await page.keyboard.press("Enter");

  await toolbar.getByRole("button", { name: "Pull quote" }).click();
  const quote = page.getByRole("dialog", { name: "Pull quote" });
  await quote.getByLabel("Quote").fill("We will not leave");
  await quote.getByRole("button", { name: "Insert pull quote" }).click();
  await page.keyboard.type("Typed after the quote.");
  await expect(body.locator("figure.pull-quote blockquote")).toHaveText("We will not leave");
  await expect(body.locator("p", { hasText: "Typed after the quote." })).toHaveCount(1);

  await toolbar.getByRole("button", { name: "Figure" }).click();
  const figure = page.getByRole("dialog", { name: "Figure" });
  await figure.locator("label:has(input[type=radio])").first().click();
  await expect(figure.getByRole("radio").first()).toBeChecked();
  await figure.getByRole("button", { name: "Insert figure" }).click();
  await page.keyboard.type("Typed after the figure.");
  await expect(body.locator("figure.article-figure")).toHaveCount(1);

  await insertEmbed(page, YOUTUBE);
  await page.keyboard.type("Typed after the embed.");
  // The embed went in after the figure, replacing nothing.
  await expect(body.locator("figure.article-figure")).toHaveCount(1);
  await expect(body.locator('[data-type="embed"]')).toHaveCount(1);

  await toolbar.getByRole("button", { name: "Callout" }).click();
  await page.getByRole("dialog", { name: "Callout" }).getByRole("button", { name: "Insert callout" }).click();
  await page.keyboard.type("Typed inside the callout.");
  await expect(body.locator("aside.callout")).toContainText("Typed inside the callout.");

  // Out of the callout, a divider from the "/" menu, and on.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.type("/");
  await page.getByRole("dialog", { name: "Insert" }).getByRole("option", { name: "Divider" }).click();
  await page.keyboard.type("Typed after the divider.");
  await expect(body.locator("hr")).toHaveCount(1);

  await page.getByRole("button", { name: "Save now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await page.reload();
  const saved = page.getByRole("textbox", { name: "Body" });
  await expect(saved.locator("figure.pull-quote blockquote")).toHaveText("We will not leave");
  await expect(saved.locator("figure.article-figure")).toHaveCount(1);
  await expect(saved.locator('[data-type="embed"]')).toHaveCount(1);
  await expect(saved.locator("aside.callout")).toContainText("Typed inside the callout.");
  await expect(saved.locator("hr")).toHaveCount(1);
  for (const text of [
    "Typed after the quote.",
    "Typed after the figure.",
    "Typed after the embed.",
    "Typed after the divider.",
  ])
    await expect(saved.locator("p", { hasText: text })).toHaveCount(1);
  // In the order they were written.
  expect(await saved.evaluate((root) => [...root.children].map((child) => child.tagName.toLowerCase()))).toEqual([
    "p",
    "figure",
    "p",
    "figure",
    "p",
    "div",
    "p",
    "aside",
    "hr",
    "p",
  ]);
});

test("a click on an embed selects it without leaving the story; Open shows it in a new tab", async ({
  page,
  context,
}) => {
  // Nothing leaves the machine: the provider's page is answered here.
  await context.route("https://www.youtube.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>the video</title>" }),
  );
  const body = await newDraft(page, `Embed click ${Date.now()}`);
  const workspace = page.url();
  await insertEmbed(page, YOUTUBE);
  await page.keyboard.type("After it.");
  const embed = body.locator('[data-type="embed"]');
  await embed.getByText("YouTube:").click();
  await expect(embed).toHaveClass(/ProseMirror-selectednode/);
  await expect(embed).toHaveCSS("outline-style", "solid");
  expect(page.url()).toBe(workspace);

  const [opened] = await Promise.all([
    context.waitForEvent("page"),
    embed.getByRole("button", { name: "Open on YouTube in a new tab" }).click(),
  ]);
  await expect.poll(() => opened.url()).toBe(YOUTUBE);
  await opened.close();
  expect(page.url()).toBe(workspace);

  // Deleting the selected block is one step, and one undo brings it back.
  await embed.getByText("YouTube:").click();
  await page.keyboard.press("Backspace");
  await expect(body.locator('[data-type="embed"]')).toHaveCount(0);
  await expect(body).toContainText("After it.");
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(body.locator('[data-type="embed"]')).toHaveCount(1);
  await expect(body).toContainText("After it.");
});

test("double-click a figure to change its caption, credit and alt text; Enter does the same", async ({ page }) => {
  const body = await newDraft(page, `Figure details ${Date.now()}`);
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Figure" }).click();
  const picker = page.getByRole("dialog", { name: "Figure" });
  await picker.locator("label:has(input[type=radio])").first().click();
  await picker.getByLabel("Alt text").fill("Boats in the harbour");
  await picker.getByLabel("Caption").fill("First caption");
  await picker.getByRole("button", { name: "Insert figure" }).click();
  await page.keyboard.type("Words after.");

  const figure = body.locator("figure.article-figure");
  await figure.dblclick();
  const details = page.getByRole("dialog", { name: "Figure details" });
  await expect(details.getByLabel("Caption")).toHaveValue("First caption");
  await details.getByLabel("Alt text").fill("");
  await details.getByRole("button", { name: "Save figure" }).click();
  await expect(details.getByRole("alert")).toHaveText("Describe the image in the alt text.");
  await details.getByLabel("Alt text").fill("Fishing boats moored at dawn");
  await details.getByLabel("Caption").fill("The harbour at dawn");
  await details.getByLabel("Credit").fill("Staff photographer");
  await details.getByRole("button", { name: "Save figure" }).click();
  await expect(details).toHaveCount(0);
  await expect(figure.locator("figcaption")).toContainText("The harbour at dawn");
  await expect(figure.getByRole("img", { name: "Fishing boats moored at dawn" })).toBeVisible();

  // The figure is still selected: Enter opens the same details again; Escape leaves it as it was.
  await page.keyboard.press("Enter");
  await expect(details.getByLabel("Credit")).toHaveValue("Staff photographer");
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await expect(body.locator("figure.article-figure")).toHaveCount(1);

  await page.getByRole("button", { name: "Save now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await page.reload();
  const saved = page.getByRole("textbox", { name: "Body" }).locator("figure.article-figure");
  await expect(saved.locator("figcaption")).toContainText("The harbour at dawn");
  await expect(saved.locator("figcaption")).toContainText("Photo: Staff photographer");
  await expect(saved.getByRole("img", { name: "Fishing boats moored at dawn" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Words after.");
});

test("an empty body reads 0 words and 0 min", async ({ page }) => {
  await newDraft(page, `Empty body ${Date.now()}`);
  await expect(page.getByText("0 words · 0 min read")).toBeVisible();
  await page.keyboard.type("Four words right here.");
  await expect(page.getByText("4 words · 1 min read")).toBeVisible();
});
