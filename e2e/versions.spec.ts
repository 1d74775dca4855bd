import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { act, newDraft, status } from "./fixtures/workflow";

test("an editor approves, edits a word, sees the changes since approval, and restores the approved text", async ({
  browser,
}) => {
  const headline = `Harbour vote versions ${Date.now()}`;
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writer = await writerContext.newPage();
  const editor = await editorContext.newPage();

  await test.step("the writer writes and submits", async () => {
    await newDraft(writer, headline);
    await writer.keyboard.type("The council met on Monday and voted.");
    await writer.getByRole("button", { name: "Save now" }).click();
    await expect(writer.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
    await act(writer, "Submit for review");
    await status(writer, "In review");
  });

  const url = writer.url();
  await test.step("the editor approves, then changes one word", async () => {
    await editor.goto(url);
    await act(editor, "Approve");
    await status(editor, "Approved");
    await expect(editor.getByRole("note").filter({ hasText: "Changed since you approved" })).toHaveCount(0);
    const body = editor.getByRole("textbox", { name: "Body" });
    // Select "Monday" from the end of the line, as a keyboard user would.
    await body.click();
    await editor.keyboard.press("End");
    for (let i = 0; i < " and voted.".length; i++) await editor.keyboard.press("ArrowLeft");
    for (let i = 0; i < "Monday".length; i++) await editor.keyboard.press("Shift+ArrowLeft");
    await editor.keyboard.type("Tuesday");
    await expect(body).toContainText("met on Tuesday and voted");
    await editor.getByRole("button", { name: "Save now" }).click();
    await expect(editor.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  });

  await test.step("the workspace says the story changed since approval, without a reload; the diff marks the word", async () => {
    const note = editor.getByRole("note").filter({ hasText: "Changed since you approved" });
    await expect(note).toBeVisible();
    await note.getByRole("link", { name: "See the changes since you approved" }).click();
    await expect(editor.getByRole("heading", { name: "Compare versions" })).toBeVisible();
    await expect(editor.locator("del", { hasText: "Monday" })).toBeVisible();
    await expect(editor.locator("ins", { hasText: "Tuesday" })).toBeVisible();
    await expect(editor.getByText("Body: 1 changed.")).toBeVisible();
  });

  await test.step("restoring the approved version makes it the working copy, and the timeline says so", async () => {
    await editor.getByRole("button", { name: "Restore this version" }).click();
    const ask = editor.getByRole("dialog", { name: "Restore this version?" });
    await expect(ask).toContainText("Nothing is deleted");
    await ask.getByRole("button", { name: "Restore" }).click();
    await expect(editor).toHaveURL(url);
    await expect(editor.getByRole("textbox", { name: "Body" })).toHaveText("The council met on Monday and voted.");
    const timeline = editor.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText("Earlier version restored")).toBeVisible();
    await expect(timeline.getByText(/^The version .* by Eddie Editor$|^The version .* by Wendy Writer$/)).toBeVisible();
  });

  await test.step("and the restore can be undone: the replaced text is a version too", async () => {
    await editor.getByRole("region", { name: "Versions" }).getByRole("link", { name: "Compare versions" }).click();
    await expect(editor.getByRole("heading", { name: "Compare versions" })).toBeVisible();
    const from = editor.getByLabel("From (older)");
    const saved = await from.locator("option", { hasText: "saved — Eddie Editor" }).first().getAttribute("value");
    await from.selectOption(saved ?? "");
    await editor.getByRole("button", { name: "Compare" }).click();
    await expect(editor.locator("ins", { hasText: "Monday" })).toBeVisible();
    await expect(editor.locator("del", { hasText: "Tuesday" })).toBeVisible();
  });

  await test.step("the writer is told of the restore", async () => {
    await writer.goto("/newsroom/notifications");
    await expect(writer.getByText(`Eddie Editor restored an earlier version of “${headline}”`)).toBeVisible();
  });
  await Promise.all([writerContext.close(), editorContext.close()]);
});

test.describe("the workspace layout", () => {
  test.use({ storageState: storageState("writer") });

  test("headline to body is at most 4 Tab presses; the toolbar is one stop with arrow keys inside", async ({
    page,
  }) => {
    await newDraft(page, `Tab order ${Date.now()}`);
    await page.getByLabel("Headline").focus();
    const body = page.getByRole("textbox", { name: "Body" });
    let presses = 0;
    while (presses < 4 && !(await body.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press("Tab");
      presses += 1;
    }
    await expect(body).toBeFocused();
    expect(presses).toBeLessThanOrEqual(4);

    // Back into the toolbar: one stop, arrows move inside it, Tab leaves it for the body.
    await page.keyboard.press("Shift+Tab");
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    await expect(toolbar.getByRole("button", { name: "Bold" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(toolbar.getByRole("button", { name: "Italic" })).toBeFocused();
    await page.keyboard.press("End");
    await expect(toolbar.getByRole("button", { name: "Embed" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(toolbar.getByRole("button", { name: "Bold" })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(toolbar.getByRole("button", { name: "Embed" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(body).toBeFocused();
    // Tab comes back to the button last used.
    await page.keyboard.press("Shift+Tab");
    await expect(toolbar.getByRole("button", { name: "Embed" })).toBeFocused();
  });

  test("the side panel holds the details in collapsible groups; focus mode hides it and is remembered", async ({
    page,
  }) => {
    await newDraft(page, `Side panel ${Date.now()}`);
    const panel = page.getByRole("complementary", { name: "Workflow and details" });
    await expect(panel.getByLabel("Section")).toBeVisible();
    await expect(panel.getByLabel("Tags")).toBeVisible();
    // Search and social starts folded; opening it shows the fields and the previews.
    await expect(panel.getByLabel("SEO title")).toBeHidden();
    await panel.getByRole("heading", { name: "Search and social" }).click();
    await page.getByLabel("Standfirst").fill("What the harbour vote means for ferries.");
    await expect(panel.getByRole("figure", { name: "In search results" })).toContainText(
      "What the harbour vote means for ferries.",
    );
    await panel.getByLabel("SEO title").fill("Harbour vote: what changes");
    await expect(panel.getByRole("figure", { name: "When shared" })).toContainText("Harbour vote: what changes");

    await page.getByRole("button", { name: "Focus" }).click();
    await expect(panel).toBeHidden();
    await page.reload();
    await expect(page.getByRole("button", { name: "Focus" })).toHaveAttribute("aria-pressed", "true");
    await expect(panel).toBeHidden();
    await page.getByRole("button", { name: "Focus" }).click();
    await expect(panel.getByLabel("SEO title")).toHaveValue("Harbour vote: what changes");
  });

  test("on a phone the side panel is a drawer that opens and closes from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await newDraft(page, `Drawer ${Date.now()}`);
    const panel = page.getByRole("complementary", { name: "Workflow and details" });
    await expect(panel).toBeHidden();
    const open = page.getByRole("button", { name: "Workflow and details" });
    await open.click();
    await expect(panel.getByRole("button", { name: "Close" })).toBeFocused();
    await expect(panel.getByRole("button", { name: "Submit for review" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(open).toBeFocused();
  });
});
