import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { bodyText, expectLive, switchableConnection } from "./fixtures/co-editing";
import { invitedPerson } from "./fixtures/people";
import { SECOND_URL } from "./fixtures/site";
import { act, status as workflowStatus, writeStory } from "./fixtures/workflow";

// Writing together: everyone who may edit a story types into one shared text, live.

const status = (page: Page) =>
  page.getByRole("status").filter({ hasText: /Saved|Saving|saved|Offline|Opening|Not saved|Unsaved/ });

async function typeNewParagraph(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

test("two writers and an editor in one story: live typing and carets, one offline and back, undo is per person", async ({
  browser,
}) => {
  // Three people and a lost connection: a long sequence, given the time for it on a busy machine.
  test.slow();
  const label = `co${Date.now()}`;
  const coWriter = await invitedPerson(browser, label, "a long co-writer password");
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();

  // The writer starts a story and adds the co-writer to the byline.
  await writer.goto("/newsroom/articles/new");
  await writer.getByLabel("Headline").fill(`Harbour storm ${label}`);
  await writer.getByRole("button", { name: "Create draft" }).click();
  await expectLive(writer);
  await writer.getByLabel("Add to the byline").selectOption({ label: `Person ${label}` });
  await writer.getByRole("button", { name: "Add", exact: true }).click();
  await expect(status(writer)).toHaveText(/^Saved \d\d:\d\d$/);
  const url = writer.url();

  const link = await switchableConnection(coWriter.page);
  await coWriter.page.goto(url);
  await editor.goto(url);
  await Promise.all([expectLive(coWriter.page), expectLive(editor)]);
  const everyone = [writer, coWriter.page, editor];

  // Each sees the others' typing, and where the others are.
  await typeNewParagraph(writer, "The storm reached the harbour at noon.");
  for (const page of everyone) await expect.poll(() => bodyText(page)).toContain("reached the harbour at noon");
  await typeNewParagraph(editor, "Ferries are cancelled.");
  for (const page of everyone) await expect.poll(() => bodyText(page)).toContain("Ferries are cancelled.");
  await expect(writer.locator(".collaboration-carets__label", { hasText: "Eddie Editor" })).toBeVisible();
  await expect(editor.locator(".collaboration-carets__label", { hasText: "Wendy Writer" })).toBeVisible();
  // The headline is shared too.
  await editor.getByLabel("Headline").press("End");
  await editor.keyboard.type(" (live)");
  await expect(writer.getByLabel("Headline")).toHaveValue(`Harbour storm ${label} (live)`);

  // The co-writer loses the connection, writes on, and comes back: nothing is lost.
  await link.offline();
  await expect(status(coWriter.page)).toHaveText(
    "Offline — changes kept on this device; they merge when you reconnect",
  );
  await typeNewParagraph(coWriter.page, "Filed from the quay without signal.");
  await typeNewParagraph(writer, "Meanwhile, the desk adds a line.");
  await expect.poll(() => bodyText(editor)).toContain("Meanwhile, the desk adds a line.");
  expect(await bodyText(editor)).not.toContain("without signal");
  link.online();
  await expect
    .poll(
      async () => {
        const texts = await Promise.all(everyone.map(bodyText));
        return new Set(texts).size === 1 && (texts[0] ?? "").includes("Filed from the quay without signal.");
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  await expect(status(coWriter.page)).toHaveText(/^Saved \d\d:\d\d$/);

  // Undo takes back only what this person typed.
  await typeNewParagraph(editor, "A line the editor takes back.");
  await expect.poll(() => bodyText(writer)).toContain("A line the editor takes back.");
  await editor.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => bodyText(writer)).not.toContain("A line the editor takes back.");
  for (const kept of ["reached the harbour at noon", "Filed from the quay", "Meanwhile, the desk adds a line."])
    expect(await bodyText(writer)).toContain(kept);

  // Stored: a reload shows everyone's text.
  await expect(status(writer)).toHaveText(/^Saved \d\d:\d\d$/);
  await writer.reload();
  await expectLive(writer);
  for (const kept of ["reached the harbour at noon", "Ferries are cancelled.", "Filed from the quay without signal."])
    await expect.poll(() => bodyText(writer)).toContain(kept);
  await Promise.all(everyone.map((page) => page.context().close()));
});

test("one person on each instance co-edits one story", async ({ browser }) => {
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  await writer.goto("/newsroom/articles/new");
  await writer.getByLabel("Headline").fill(`Two instances ${Date.now()}`);
  await writer.getByRole("button", { name: "Create draft" }).click();
  await expectLive(writer);
  // The editor works through the second instance (another process, the same database).
  await editor.goto(`${SECOND_URL}${new URL(writer.url()).pathname}`);
  await expectLive(editor);
  await typeNewParagraph(writer, "Typed on the first instance.");
  await expect.poll(() => bodyText(editor)).toContain("Typed on the first instance.");
  await typeNewParagraph(editor, "Typed on the second instance.");
  await expect.poll(() => bodyText(writer)).toContain("Typed on the second instance.");
  await expect(writer.locator(".collaboration-carets__label", { hasText: "Eddie Editor" })).toBeVisible();
  await expect(status(editor)).toHaveText(/^Saved \d\d:\d\d$/);
  await Promise.all([writer.context().close(), editor.context().close()]);
});

test("two people change a story's details: each sees the other's, and nobody is sent to a conflict", async ({
  browser,
}) => {
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  await writer.goto("/newsroom/articles/new");
  await writer.getByLabel("Headline").fill(`Details together ${Date.now()}`);
  await writer.getByRole("button", { name: "Create draft" }).click();
  await expectLive(writer);
  await editor.goto(writer.url());
  await expectLive(editor);
  const chosenSection = (page: Page) => page.getByLabel("Section").locator("option:checked");

  // The editor files the story under World; the writer's page shows it without a reload.
  await editor.getByLabel("Section").selectOption({ label: "World" });
  await expect(status(editor)).toHaveText(/^Saved \d\d:\d\d$/);
  await expect(chosenSection(writer)).toHaveText("World", { timeout: 20_000 });
  // The writer adds tags and keeps typing: saved on top of the editor's change, no conflict.
  await writer.getByLabel("Tags").fill("Harbour, Ferries");
  await typeNewParagraph(writer, "The ferry timetable changes on Monday.");
  await expect(status(writer)).toHaveText(/^Saved \d\d:\d\d$/);
  await expect(writer.getByText("Conflict")).toHaveCount(0);
  await expect(editor.getByLabel("Tags")).toHaveValue("Harbour, Ferries", { timeout: 20_000 });
  await expect(chosenSection(editor)).toHaveText("World");

  for (const page of [writer, editor]) {
    await page.reload();
    await expectLive(page);
    await expect(chosenSection(page)).toHaveText("World");
    await expect(page.getByLabel("Tags")).toHaveValue("Harbour, Ferries");
    await expect.poll(() => bodyText(page)).toContain("The ferry timetable changes on Monday.");
  }
  await Promise.all([writer.context().close(), editor.context().close()]);
});

test("a fast typist writes paragraph after paragraph: every word lands where it was typed", async ({ browser }) => {
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  await writer.goto("/newsroom/articles/new");
  await writer.getByLabel("Headline").fill(`Quick paragraphs ${Date.now()}`);
  await writer.getByRole("button", { name: "Create draft" }).click();
  await expectLive(writer);
  await writer.getByRole("textbox", { name: "Body" }).click();
  // Enter and the next letter come faster than a frame on a busy machine: the first letter of
  // a new paragraph once ended up after the rest of the line.
  const lines = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of the wire copy.`);
  for (const line of lines) {
    await writer.keyboard.press("Enter");
    await writer.keyboard.type(line);
  }
  await expect.poll(() => bodyText(writer)).toBe(["", ...lines].join("\n"));
  await expect(status(writer)).toHaveText(/^Saved \d\d:\d\d$/);
  await writer.reload();
  await expectLive(writer);
  await expect.poll(() => bodyText(writer)).toBe(["", ...lines].join("\n"));
  await writer.context().close();
});

test("an editor comments on words with an @mention; the writer is told, finds the words and replies; resolved", async ({
  browser,
}) => {
  test.slow();
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  const headline = `Comments ${Date.now()}`;
  await writer.goto("/newsroom/articles/new");
  await writer.getByLabel("Headline").fill(headline);
  await writer.getByRole("button", { name: "Create draft" }).click();
  await expectLive(writer);
  await writer.getByRole("textbox", { name: "Body" }).click();
  await writer.keyboard.type("The ferry company cut the winter timetable.");
  await expect(status(writer)).toHaveText(/^Saved \d\d:\d\d$/);
  const url = writer.url();

  // The editor selects "winter timetable" and comments, mentioning the writer.
  await editor.goto(url);
  await expectLive(editor);
  const body = editor.getByRole("textbox", { name: "Body" });
  await body.getByText("winter timetable", { exact: false }).click();
  await editor.keyboard.press("End");
  await editor.keyboard.press("ArrowLeft");
  for (let i = 0; i < "winter timetable".length; i += 1) await editor.keyboard.press("Shift+ArrowLeft");
  await editor.keyboard.press("Control+Alt+m");
  const composer = editor.getByRole("region", { name: "New comment" });
  const box = composer.getByRole("combobox", { name: "Comment on “winter timetable”" });
  await box.fill("Which routes? ");
  await box.pressSequentially("@Wen");
  await expect(composer.getByRole("option", { name: "Wendy Writer" })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("Which routes? @Wendy Writer ");
  await composer.getByRole("button", { name: "Comment" }).click();
  await expect(composer).toHaveCount(0);
  const editorsList = editor.getByRole("list", { name: "Open comments" });
  await expect(editorsList).toContainText("Which routes? @Wendy Writer");

  // The writer is told, opens the story, finds the words and replies.
  await writer.goto("/newsroom/notifications");
  await expect(writer.getByText(`Eddie Editor mentioned you in a comment on “${headline}”`)).toBeVisible();
  await writer.goto(url);
  await expectLive(writer);
  // The words the thread is on are marked in the text.
  await expect(writer.locator(".comment-anchor")).toHaveText("winter timetable");
  const thread = writer.getByRole("list", { name: "Open comments" }).getByRole("listitem").first();
  await thread.getByRole("button", { name: "“winter timetable”" }).click();
  await expect.poll(() => writer.evaluate(() => window.getSelection()?.toString())).toBe("winter timetable");
  await thread.getByRole("combobox", { name: "Reply" }).fill("The two island routes.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(thread).toContainText("The two island routes.");
  // The writer corrects the reply (only their own comment offers it).
  await expect(thread.getByRole("button", { name: "Edit my comment" })).toHaveCount(1);
  await thread.getByRole("button", { name: "Edit my comment" }).click();
  const edit = thread.getByRole("combobox", { name: "Edit your comment" });
  await expect(edit).toHaveValue("The two island routes.");
  await edit.fill("The two island routes, from January.");
  await thread.getByRole("button", { name: "Save" }).click();
  await expect(thread).toContainText("The two island routes, from January.");

  // The editor sees the reply and resolves the thread; the timeline records both.
  await expect(editorsList).toContainText("The two island routes, from January.", { timeout: 20_000 });
  await editorsList.getByRole("button", { name: "Resolve" }).click();
  await expect(editor.getByText("No open comments.")).toBeVisible();
  await expect(editor.locator(".comment-anchor")).toHaveCount(0);
  await editor.reload();
  const timeline = editor.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Comment thread opened");
  await expect(timeline).toContainText("Comment thread resolved");
  await Promise.all([writer.context().close(), editor.context().close()]);
});

test("an editor suggests a cut in Suggesting mode and the writer accepts it; publishing waits for the last suggestion", async ({
  browser,
}) => {
  test.slow();
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  const headline = `Suggestions ${Date.now()}`;
  const slug = await writeStory(writer, headline, "The ferry company cut the winter timetable sharply.");
  await expectLive(writer);
  await editor.goto(writer.url());
  await expectLive(editor);

  // The editor switches to Suggesting and deletes " sharply": the words stay, struck through.
  await editor.getByRole("button", { name: "Suggest changes" }).click();
  await expect(editor.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");
  await editor.getByRole("textbox", { name: "Body" }).click();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.press("ArrowLeft");
  for (let i = 0; i < " sharply".length; i += 1) await editor.keyboard.press("Shift+ArrowLeft");
  await editor.keyboard.press("Backspace");
  for (const page of [editor, writer]) await expect(page.locator("del", { hasText: "sharply" })).toBeVisible();
  // And suggests a word at the start.
  await editor.keyboard.press("ControlOrMeta+Home");
  await editor.keyboard.type("Now ");
  await expect(writer.locator("ins", { hasText: "Now" })).toBeVisible();

  // The writer sees both, with who made them, and accepts the cut.
  const panel = writer.getByRole("region", { name: "Suggestions (2 open)" });
  // One arrow press is one character, also past the writer's caret at the end of the text.
  await expect(panel).toContainText("Delete “ sharply”");
  await expect(panel).toContainText("Add “Now ”");
  await expect(panel).toContainText("Eddie Editor");
  await panel.getByRole("button", { name: /^Accept: Delete “ sharply”/ }).click();
  for (const page of [writer, editor]) {
    await expect.poll(() => bodyText(page)).toBe("Now The ferry company cut the winter timetable.");
    await expect(page.locator("del")).toHaveCount(0);
  }
  await expect(writer.getByRole("region", { name: "Suggestions (1 open)" })).toBeVisible();

  // Submitted with one suggestion open: the editor's Publish is refused, saying how many.
  await act(writer, "Submit for review");
  await workflowStatus(writer, "In review");
  await editor.reload();
  await expectLive(editor);
  await expect(editor.getByRole("link", { name: "Go to the open suggestion" })).toBeVisible();
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = editor.getByRole("dialog");
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("a decision on 1 open suggestion");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The editor follows the link, rejects the last suggestion and publishes.
  await editor.getByRole("link", { name: "Go to the open suggestion" }).click();
  await editor
    .getByRole("region", { name: "Suggestions (1 open)" })
    .getByRole("button", { name: /^Reject: Add “Now ”/ })
    .click();
  await expect.poll(() => bodyText(editor)).toBe("The ferry company cut the winter timetable.");
  await expect(editor.getByRole("region", { name: "Suggestions (0 open)" })).toBeVisible();
  await act(editor, "Publish");
  await workflowStatus(editor, "Published");
  const timeline = editor.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Suggestions accepted");
  await expect(timeline).toContainText("Suggestions rejected");

  // Readers get the decided text, nothing of the suggestions.
  const page = await writer.context().newPage();
  await page.goto(`/articles/${slug}`);
  await expect(page.getByText("The ferry company cut the winter timetable.")).toBeVisible();
  await expect(page.getByText("sharply")).toHaveCount(0);
  await Promise.all([writer.context().close(), editor.context().close()]);
});

test("Suggesting: a paragraph break taken back leaves nothing; a join, a break and a join again rejects to the original", async ({
  browser,
}) => {
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const text = ["The ferry company cut the winter timetable.", "Councillors meet at noon."];
  await writeStory(writer, `Breaks ${Date.now()}`, text.join("\n\n"));
  await expectLive(writer);
  await writer.getByRole("button", { name: "Suggest changes" }).click();
  const panel = (open: number) => writer.getByRole("region", { name: `Suggestions (${open} open)` });
  // Suggesting covers the body: the headline and standfirst say so instead of changing quietly.
  for (const field of ["Headline", "Standfirst"]) {
    await expect(writer.getByLabel(field)).not.toBeEditable();
    await expect(writer.getByLabel(field)).toHaveAccessibleDescription(/switch to Editing to change this/);
  }

  // Enter in the middle of the first paragraph, then Backspace: as if nothing happened.
  await writer.getByRole("textbox", { name: "Body" }).click();
  await writer.keyboard.press("ControlOrMeta+Home");
  for (let i = 0; i < "The ferry company".length; i += 1) await writer.keyboard.press("ArrowRight");
  await writer.keyboard.press("Enter");
  await expect(panel(1)).toContainText("Add a paragraph break");
  await writer.keyboard.press("Backspace");
  await expect(panel(0)).toBeVisible();
  await expect.poll(() => bodyText(writer)).toBe(text.join("\n"));

  // Backspace at the start of the second paragraph (a suggested join), Enter there and
  // Backspace again: one suggestion, and rejecting it gives the two paragraphs back.
  await writer.keyboard.press("ControlOrMeta+End");
  await writer.keyboard.press("Home");
  await writer.keyboard.press("Backspace");
  await expect(panel(1)).toContainText("Remove a paragraph break");
  await writer.keyboard.press("Enter");
  await writer.keyboard.press("Backspace");
  await expect(panel(1)).toContainText("Remove a paragraph break");
  await panel(1)
    .getByRole("button", { name: /^Reject: Remove a paragraph break/ })
    .click();
  await expect(panel(0)).toBeVisible();
  await expect.poll(() => bodyText(writer)).toBe(text.join("\n"));
  await writer.getByRole("button", { name: "Suggesting" }).click();
  await expect(writer.getByLabel("Headline")).toBeEditable();
  await writer.reload();
  await expectLive(writer);
  await expect.poll(() => bodyText(writer)).toBe(text.join("\n"));
  await writer.context().close();
});

test("an editor holds a story until its comments are resolved: Publish waits, then goes", async ({ browser }) => {
  test.slow();
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  await writeStory(writer, `Hold ${Date.now()}`, "The harbour reopens on Friday.");
  await act(writer, "Submit for review");
  await workflowStatus(writer, "In review");
  await editor.goto(writer.url());
  await expectLive(editor);

  const controls = editor.getByRole("region", { name: "Editorial controls" });
  await controls.getByRole("button", { name: "Hold publishing until comments are resolved" }).click();
  await expect(controls).toContainText("Comments: publishing waits until every thread is resolved");
  await expect(controls.getByRole("button", { name: "Stop holding for comments" })).toBeVisible();

  // A comment on "Friday".
  await editor.getByRole("textbox", { name: "Body" }).click();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.press("ArrowLeft");
  for (let i = 0; i < "Friday".length; i += 1) await editor.keyboard.press("Shift+ArrowLeft");
  await editor.keyboard.press("Control+Alt+m");
  const composer = editor.getByRole("region", { name: "New comment" });
  await composer.getByRole("combobox", { name: "Comment on “Friday”" }).fill("Confirm the day with the port.");
  await composer.getByRole("button", { name: "Comment" }).click();
  const open = editor.getByRole("list", { name: "Open comments" });
  await expect(open).toContainText("Confirm the day with the port.");

  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = editor.getByRole("dialog");
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("1 comment thread resolved");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await open.getByRole("button", { name: "Resolve" }).click();
  await expect(editor.getByText("No open comments.")).toBeVisible();
  await act(editor, "Publish");
  await workflowStatus(editor, "Published");
  const timeline = editor.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Publishing held until comments are resolved");
  await Promise.all([writer.context().close(), editor.context().close()]);
});
