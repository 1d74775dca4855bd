import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { query } from "./fixtures/api";
import { act, status, typeBody, writeStory } from "./fixtures/workflow";
import { FROM_SITE } from "./fixtures/site";

// About 15 s on a quiet 2-core machine and 30 s with both cores busy: sized with room for both.
test("a story goes from writer to editor and back, live, and down again", async ({ browser }) => {
  test.setTimeout(180_000);
  const writerContext = await browser.newContext({ storageState: storageState("writer") });
  const editorContext = await browser.newContext({ storageState: storageState("editor") });
  const writer = await writerContext.newPage();
  const editor = await editorContext.newPage();
  const reader = await browser.newPage();
  const headline = `Ferry strike called off ${Date.now()}`;
  let slug = "";

  await test.step("the writer writes and submits; a writer never sees Publish", async () => {
    slug = await writeStory(writer, headline, "Talks ran through the night.\n\nServices resume on Monday.");
    await act(writer, "Submit for review");
    await status(writer, "In review");
    await expect(writer.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await expect(writer.getByRole("button", { name: "Withdraw" })).toBeVisible();
  });

  await test.step("the editor finds it in the review queue and sends it back with a note", async () => {
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
    await expect(dialog).toHaveCount(0);
    await status(editor, "Changes requested");
  });

  await test.step("the writer is told, sees the note, edits and resubmits", async () => {
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
    await writer.getByRole("button", { name: "Save now" }).click();
    await expect(writer.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
    await act(writer, "Submit for review");
    await status(writer, "In review");
  });

  await test.step("the editor approves and publishes; readers see it", async () => {
    await editor.reload();
    await act(editor, "Approve");
    await status(editor, "Approved");
    await act(editor, "Publish");
    await status(editor, "Published");
    const live = await reader.goto(`/articles/${slug}`);
    expect(live?.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(reader.getByText("“We got what we asked for,” the union said.")).toBeVisible();
  });

  await test.step("unpublishing asks for a reason; then the address answers 410", async () => {
    await editor.getByRole("button", { name: "Unpublish" }).click();
    const reason = editor.getByRole("dialog", { name: "Unpublish this article" });
    await reason.getByLabel("Reason").fill("The source withdrew consent.");
    await reason.getByRole("button", { name: "Unpublish" }).click();
    await expect(reason).toHaveCount(0);
    await status(editor, "Unpublished");
    const gone = await reader.goto(`/articles/${slug}`);
    expect(gone?.status()).toBe(410);
    await expect(reader.getByRole("heading", { name: "This article has been removed" })).toBeVisible();
    await expect(editor.getByText("The source withdrew consent.")).toBeVisible();
    // The writer is told, with the reason.
    await writer.goto("/newsroom/notifications");
    await expect(
      writer.getByText(`Eddie Editor unpublished “${headline}”: The source withdrew consent.`),
    ).toBeVisible();
  });

  await Promise.all([writerContext.close(), editorContext.close(), reader.close()]);
});

test.describe("a writer's session", () => {
  test.use({ storageState: storageState("writer") });

  test("cannot publish with a crafted request", async ({ page }) => {
    await writeStory(page, `Crafted publish attempt ${Date.now()}`, "Body text.");
    await act(page, "Submit for review");
    await status(page, "In review");
    const id = page.url().split("/").pop() ?? "";
    // The version the server has now (autosaves move it), so the role check is what answers.
    const { version } = await query<{ version: number }>(page.request, "article.get", { id });
    for (const procedure of ["workflow.publish", "workflow.approve"]) {
      const response = await page.request.post(`/api/trpc/${procedure}`, {
        headers: FROM_SITE,
        data: { json: { id, version } },
      });
      expect(response.status(), procedure).toBe(403);
    }
    expect((await query<{ version: number; status: string }>(page.request, "article.get", { id })).status).toBe(
      "IN_REVIEW",
    );
    await page.reload();
    await status(page, "In review");
  });
});
