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

test("a writer reads a colleague's story read-only; when an admin turns that off, it is the newsroom's not-found page", async ({
  browser,
}) => {
  test.slow();
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const adminContext = await browser.newContext({ storageState: storageState("admin") });
  const editor = await editorContext.newPage();
  const headline = `The editor's own draft ${Date.now()}`;
  await editor.goto("/newsroom/articles/new");
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByRole("button", { name: "Create draft" }).click();
  await expect(editor).toHaveURL(/\/newsroom\/articles\/[0-9a-f-]+$/);

  // On by default: the writer finds it in the list and reads it, without any way to change it.
  const writer = await writerContext.newPage();
  await writer.goto(`/newsroom/articles?q=${encodeURIComponent(headline)}`);
  await writer.getByRole("region", { name: "Results" }).getByRole("link", { name: headline }).click();
  await expect(writer.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(writer.getByRole("note")).toContainText("You are reading a colleague’s story");
  await expect(writer.getByRole("textbox")).toHaveCount(0);
  await expect(writer.getByRole("button", { name: /Comment|Submit|Save/ })).toHaveCount(0);

  // An admin turns it off: the same address is not found, in the newsroom's frame.
  const admin = await adminContext.newPage();
  const setting = async (on: boolean) => {
    await admin.goto("/newsroom/admin/settings");
    await admin.getByLabel("Writers may read their colleagues’ stories").setChecked(on);
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByRole("status")).toHaveText("Settings saved.");
  };
  await setting(false);
  try {
    const response = await writer.reload();
    expect(response?.status()).toBe(404);
    await expectNewsroomNotFound(writer);
  } finally {
    await setting(true);
  }

  const nowhere = await writer.goto("/newsroom/no-such-page");
  expect(nowhere?.status()).toBe(404);
  await expectNewsroomNotFound(writer);
  await Promise.all([editorContext.close(), writerContext.close(), adminContext.close()]);
});
