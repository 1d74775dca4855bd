import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { act, status, typeBody, writeStory } from "./fixtures/workflow";

test("a story goes from writer to editor and back, live, and down again", async ({ browser }) => {
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writer = await writerContext.newPage();
  const editor = await editorContext.newPage();
  const headline = `Ferry strike called off ${Date.now()}`;

  // The writer writes and submits; a writer never sees a Publish button.
  const slug = await writeStory(writer, headline, "Talks ran through the night.\n\nServices resume on Monday.");
  await act(writer, "Submit for review");
  await status(writer, "In review");
  await expect(writer.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await expect(writer.getByRole("button", { name: "Withdraw" })).toBeVisible();

  // The editor finds it in the review queue and sends it back with a note.
  await editor.goto("/newsroom");
  await editor
    .getByRole("region", { name: /^Review queue/ })
    .getByRole("link", { name: headline })
    .click();
  await editor.getByRole("button", { name: "Request changes" }).click();
  const dialog = editor.getByRole("dialog", { name: "Send back to the writer" });
  await dialog.getByRole("button", { name: "Request changes" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Tell the writer what to change");
  await dialog.getByLabel("Note for the writer").fill("Add a quote from the union.");
  await dialog.getByRole("button", { name: "Request changes" }).click();
  await status(editor, "Changes requested");

  // The writer is told, sees the note, edits and resubmits.
  await writer.goto("/newsroom/notifications");
  await expect(writer.getByText(`Eddie Editor sent back “${headline}”: Add a quote from the union.`)).toBeVisible();
  await writer.goto("/newsroom");
  await expect(writer.getByRole("link", { name: /Notifications/ })).toContainText(/\d/);
  const sentBack = writer.getByRole("region", { name: /^Changes requested/ });
  await expect(sentBack).toContainText("Add a quote from the union.");
  await sentBack.getByRole("link", { name: headline }).click();
  await expect(writer.getByRole("note", { name: "Changes requested" })).toContainText("Add a quote from the union.");
  await typeBody(
    writer,
    "Talks ran through the night.\n\n“We got what we asked for,” the union said.\n\nServices resume on Monday.",
  );
  await writer.getByRole("button", { name: "Save" }).click();
  await expect(writer.getByRole("status")).toContainText("Saved");
  await act(writer, "Submit for review");
  await status(writer, "In review");

  // The editor approves and publishes.
  await editor.reload();
  await act(editor, "Approve");
  await status(editor, "Approved");
  await act(editor, "Publish");
  await status(editor, "Published");
  await expect(editor.getByText("Published", { exact: true }).first()).toBeVisible();

  const reader = await browser.newPage();
  const live = await reader.goto(`/articles/${slug}`);
  expect(live?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByText("“We got what we asked for,” the union said.")).toBeVisible();

  // Unpublishing asks for a reason; afterwards the public address answers 410.
  await editor.getByRole("button", { name: "Unpublish" }).click();
  const reason = editor.getByRole("dialog", { name: "Unpublish this article" });
  await reason.getByLabel("Reason").fill("The source withdrew consent.");
  await reason.getByRole("button", { name: "Unpublish" }).click();
  await status(editor, "Unpublished");
  const gone = await reader.goto(`/articles/${slug}`);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "This article has been removed" })).toBeVisible();
  await expect(editor.getByText("The source withdrew consent.")).toBeVisible();

  await Promise.all([writerContext.close(), editorContext.close(), reader.close()]);
});

test.describe("a writer's session", () => {
  test.use({ storageState: storageState("writer") });

  test("cannot publish with a crafted request", async ({ page }) => {
    await writeStory(page, `Crafted publish attempt ${Date.now()}`, "Body text.");
    await act(page, "Submit for review");
    await status(page, "In review");
    const id = page.url().split("/").pop() ?? "";
    for (const version of [1, 2, 3, 4]) {
      const response = await page.request.post("/api/trpc/workflow.publish", { data: { json: { id, version } } });
      expect([403, 409]).toContain(response.status());
    }
    await page.reload();
    await status(page, "In review");
  });
});
