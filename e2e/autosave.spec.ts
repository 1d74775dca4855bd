import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { withoutCoEditing } from "./fixtures/co-editing";

async function openNewDraft(page: Page, headline: string) {
  await page.goto("/newsroom/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  return page.url();
}

async function typeAtEnd(page: Page, text: string) {
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

/** A writer and an editor, each in a browser of their own, neither able to co-edit. */
async function writerAndEditorWithoutCoEditing(browser: Browser) {
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writer = await writerContext.newPage();
  const editor = await editorContext.newPage();
  await Promise.all([withoutCoEditing(writer), withoutCoEditing(editor)]);
  return { writer, editor, writerContext, editorContext };
}

const saveStatus = (page: Page) =>
  page.getByRole("status").filter({ hasText: /Saved|Saving|saved|Offline|Conflict|Restored|Unsaved|Not saved/ });

// The form's autosave saves everything when no co-editing connection can be made (co-editing
// is in co-editing.spec.ts; with it, the autosave keeps the fields that are not co-edited).
test.describe("autosave without a co-editing connection", () => {
  test.use({ storageState: storageState("writer") });
  test.beforeEach(async ({ page }) => withoutCoEditing(page));

  test("saves by itself after typing stops", async ({ page }) => {
    await openNewDraft(page, `Autosave ${Date.now()}`);
    await typeAtEnd(page, "Typed and never saved by hand.");
    await expect(saveStatus(page)).toHaveText(/^Saved \d\d:\d\d$/);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Typed and never saved by hand.");
  });

  test("offline, changes are kept and saved when the connection returns", async ({ page, context }) => {
    await openNewDraft(page, `Offline ${Date.now()}`);
    await context.setOffline(true);
    await typeAtEnd(page, "Written on the train without signal.");
    await expect(saveStatus(page)).toHaveText("Offline — changes kept on this device");
    await context.setOffline(false);
    await expect(saveStatus(page)).toHaveText(/^Saved \d\d:\d\d$/);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Written on the train without signal.");
  });

  test("a save that never reached the server comes back after a reload and is saved", async ({ page }) => {
    await openNewDraft(page, `Restore ${Date.now()}`);
    await page.route("**/api/trpc/article.update**", (route) => route.abort());
    await typeAtEnd(page, "These words must survive a reload.");
    await expect(saveStatus(page)).toHaveText("Offline — changes kept on this device");
    await page.unroute("**/api/trpc/article.update**");
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText("These words must survive a reload.");
    await expect(saveStatus(page)).toHaveText(/^Saved \d\d:\d\d$/);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText("These words must survive a reload.");
  });
});

test("two people editing at once without co-editing: the second sees both versions, nothing is lost", async ({
  browser,
}) => {
  const { writer, editor, writerContext, editorContext } = await writerAndEditorWithoutCoEditing(browser);
  // The editor's page learns who else is there from its first heartbeat, so the writer's page
  // must have reported first (its heartbeat is sent once the editor form has mounted).
  const writerHeartbeat = writer.waitForResponse((r) => r.url().includes("article.heartbeat") && r.ok());
  const url = await openNewDraft(writer, `Conflict ${Date.now()}`);
  await writerHeartbeat;
  await editor.goto(url);
  await expect(editor.getByRole("textbox", { name: "Body" })).toBeVisible();
  await expect(editor.getByText("Also editing: Wendy Writer")).toBeVisible();

  await typeAtEnd(writer, "The writer's paragraph.");
  await expect(saveStatus(writer)).toHaveText(/^Saved/);
  // (Typed apostrophes become typographic ones: the texts below are as the editor keeps them.)
  await typeAtEnd(editor, "The editor's paragraph.");
  await expect(saveStatus(editor)).toHaveText("Conflict");

  const conflict = editor.getByRole("region", { name: "Conflict" });
  await expect(conflict.getByRole("region", { name: "Your version (not saved)" })).toContainText(
    "The editor’s paragraph.",
  );
  const theirs = conflict.getByRole("region", { name: "Saved by Wendy Writer" });
  await expect(theirs).toContainText("The writer’s paragraph.");
  // Copy the writer's paragraph across, then keep the combined version: neither text is lost.
  await theirs
    .getByRole("listitem")
    .filter({ hasText: "The writer’s paragraph." })
    .getByRole("button", { name: /^Copy paragraph \d+ to mine$/ })
    .click();
  await expect(conflict.getByRole("region", { name: "Your version (not saved)" })).toContainText(
    "The writer’s paragraph.",
  );
  await expect(editor.getByRole("textbox", { name: "Body" })).toContainText("The writer’s paragraph.");
  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(saveStatus(editor)).toHaveText(/^Saved/);
  await writer.reload();
  await expect(writer.getByRole("textbox", { name: "Body" })).toContainText("The editor’s paragraph.");
  await expect(writer.getByRole("textbox", { name: "Body" })).toContainText("The writer’s paragraph.");
  await Promise.all([writerContext.close(), editorContext.close()]);
});

test("without co-editing, an editor's control taken while the writer types is no conflict: the writing saves", async ({
  browser,
}) => {
  const { writer, editor, writerContext, editorContext } = await writerAndEditorWithoutCoEditing(browser);
  const url = await openNewDraft(writer, `Control ${Date.now()}`);
  await typeAtEnd(writer, "The first paragraph.");
  await expect(saveStatus(writer)).toHaveText(/^Saved/);

  // The editor asks for a legal review: nothing the writer typed changes.
  await editor.goto(url);
  const controls = editor.getByRole("region", { name: "Editorial controls" });
  await controls.getByRole("button", { name: "Require legal review" }).click();
  await expect(controls.getByRole("button", { name: "Clear legal review" })).toBeVisible();

  // The writer keeps typing on the page opened before: saved, no conflict screen.
  const saved = writer.waitForResponse((r) => r.url().includes("article.update"));
  await writer.keyboard.type(" And a second sentence.");
  expect((await saved).status()).toBe(200);
  await expect(saveStatus(writer)).toHaveText(/^Saved/);
  await expect(writer.getByRole("region", { name: "Conflict" })).toHaveCount(0);
  await editor.reload();
  await expect(editor.getByRole("textbox", { name: "Body" })).toContainText(
    "The first paragraph. And a second sentence.",
  );
  await expect(
    editor.getByRole("region", { name: "Editorial controls" }).getByRole("button", { name: "Clear legal review" }),
  ).toBeVisible();
  await Promise.all([writerContext.close(), editorContext.close()]);
});
