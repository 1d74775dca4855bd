import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";

async function expectNewsroomNotFound(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  // The newsroom's frame, once: one main landmark, one skip link, the newsroom's navigation.
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Go to the front page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the desk" }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
}

test("a writer opening a colleague's story gets the newsroom's not-found page, in the newsroom", async ({
  browser,
}) => {
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editor = await editorContext.newPage();
  await editor.goto("/newsroom/articles/new");
  await editor.getByLabel("Headline").fill(`The editor's own draft ${Date.now()}`);
  await editor.getByRole("button", { name: "Create draft" }).click();
  await expect(editor).toHaveURL(/\/newsroom\/articles\/[0-9a-f-]+$/);

  const writer = await writerContext.newPage();
  const response = await writer.goto(editor.url());
  expect(response?.status()).toBe(404);
  await expectNewsroomNotFound(writer);

  const nowhere = await writer.goto("/newsroom/no-such-page");
  expect(nowhere?.status()).toBe(404);
  await expectNewsroomNotFound(writer);
  await Promise.all([editorContext.close(), writerContext.close()]);
});
