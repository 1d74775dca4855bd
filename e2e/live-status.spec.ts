import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { act, status, typeBody, writeStory } from "./fixtures/workflow";

test("an editor edits a live story: Publish update and Unpublished changes appear without a reload, here and on another open page", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const adminContext = await browser.newContext({ storageState: storageState("admin") });
  const writer = await writerContext.newPage();
  const editor = await editorContext.newPage();
  const admin = await adminContext.newPage();
  const headline = `Bridge reopens ${Date.now()}`;

  await writeStory(writer, headline, "The bridge reopened at dawn.");
  await act(writer, "Submit for review");
  await status(writer, "In review");
  const address = writer.url();
  await editor.goto(address);
  await act(editor, "Approve");
  await status(editor, "Approved");
  await act(editor, "Publish");
  await status(editor, "Published");
  await expect(editor.getByText("Unpublished changes")).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Publish update" })).toHaveCount(0);

  // Someone else has the story open meanwhile.
  await admin.goto(address);
  await status(admin, "Published");
  let reloads = 0;
  editor.on("load", () => (reloads += 1));
  admin.on("load", () => (reloads += 1));

  await typeBody(editor, "The bridge reopened at dawn after six weeks of repairs.");
  await expect(editor.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await expect(editor.getByText("Unpublished changes")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Publish update" })).toBeVisible();
  await expect(editor.getByText(/Last changed by Eddie Editor at/)).toBeVisible();
  // The text typed is still there, and the editor still takes more.
  await editor.keyboard.type(" Traffic is light.");
  await expect(editor.getByRole("textbox", { name: "Body" })).toContainText("six weeks of repairs. Traffic is light.");

  // The other page catches up by itself.
  await expect(admin.getByText("Unpublished changes")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Publish update" })).toBeVisible();

  await expect(editor.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await act(editor, "Publish update");
  await expect(editor.getByText("Unpublished changes")).toHaveCount(0);
  await expect(admin.getByText("Unpublished changes")).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Publish update" })).toHaveCount(0);
  expect(reloads).toBe(0);

  await Promise.all([writerContext.close(), editorContext.close(), adminContext.close()]);
});
