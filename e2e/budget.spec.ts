import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageState } from "./fixtures/accounts";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { act, status, typeBody } from "./fixtures/workflow";

test("an editor plans tomorrow's story for the writer, who starts it from the desk and files it; the budget shows it filed and prints without the navigation", async ({
  browser,
}) => {
  test.slow();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const title = `Ferry timetable cuts ${Date.now()}`;

  // The editor turns to tomorrow's budget and plans a story there.
  await editor.goto("/newsroom/budget");
  await editor.getByRole("link", { name: "Next day" }).click();
  await expect(editor).toHaveURL(/day=\d{4}-\d{2}-\d{2}/);
  const day = new URL(editor.url()).searchParams.get("day") ?? "";
  await editor.getByRole("link", { name: "Plan a story" }).click();
  await editor.getByLabel("Working title").fill(title);
  await editor.getByLabel("Angle").fill("What the winter timetable means for island commuters");
  await editor.getByLabel("Section").selectOption({ label: "World" });
  await editor.getByLabel("Priority").selectOption({ label: "Top" });
  await expect(editor.getByLabel("Planned day")).toHaveValue(day);
  await editor.getByLabel("Window opens").fill("07:00");
  await editor.getByLabel("Window closes").fill("09:30");
  await editor.getByLabel("Target length (words)").fill("600");
  await editor.getByLabel("Filing deadline").fill(`${day}T16:00`);
  await editor.getByRole("button", { name: "Add a person" }).click();
  await editor.getByLabel("Person 1", { exact: true }).selectOption({ label: ACCOUNTS.writer.name });
  await expect(editor.getByLabel("Role of person 1")).toHaveValue("REPORTER");
  await editor.getByRole("button", { name: "Add to the budget" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(editor.getByText("Assigned", { exact: true })).toBeVisible();

  // The writer finds it under "My assignments" and starts writing.
  await writer.goto("/newsroom");
  const assignment = writer
    .getByRole("region", { name: "My assignments" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await expect(assignment).toContainText("Due");
  await expect(assignment).toContainText("600 words");
  await assignment.getByRole("button", { name: `Start writing: ${title}` }).click();
  await expect(writer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The draft carries the plan: title, section, length, byline.
  await expect(writer.getByLabel("Section").locator("option:checked")).toHaveText("World");
  await expect(writer.getByLabel("Target length")).toHaveValue("600");
  await writer.getByLabel("Standfirst").fill("Two winter sailings go from January.");
  await typeBody(writer, "The ferry company cut the winter timetable.");
  await writer.getByRole("button", { name: "Save now" }).click();
  await expect(writer.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await act(writer, "Submit for review");
  await status(writer, "In review");

  // Back on the budget: filed, with the story's state and who is on it.
  await editor.goto(`/newsroom/budget?day=${day}`);
  const world = editor.getByRole("region", { name: /^World/ });
  const row = world.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Filed");
  await expect(row).toContainText("In review");
  await expect(row).toContainText(`${ACCOUNTS.writer.name} (reporter)`);
  await expect(row).toContainText("07:00–09:30");
  await expect(row).toContainText("Top");

  // Printed for the morning meeting: the budget without the navigation or the buttons.
  await editor.emulateMedia({ media: "print" });
  await expect(editor.getByRole("navigation", { name: "Newsroom" })).toBeHidden();
  await expect(editor.getByRole("navigation", { name: "Budget days" })).toBeHidden();
  await expect(row).toBeVisible();
  await expect(editor.getByRole("heading", { level: 1, name: "Story budget" })).toBeVisible();

  // On screen, light and dark: the week's budget, the line and the writer's desk read well for everyone.
  await editor.goto(`/newsroom/budget?view=week&day=${day}`);
  await expect(editor.getByRole("row").filter({ hasText: title })).toBeVisible();
  await expectAxeCleanLightAndDark(editor);
  await editor.getByRole("link", { name: title }).click();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAxeCleanLightAndDark(editor);
  await writer.goto("/newsroom");
  await expect(writer.getByRole("region", { name: "My assignments" })).toBeVisible();
  await expectAxeCleanLightAndDark(writer);
  await Promise.all([editor.context().close(), writer.context().close()]);
});

test("a writer proposes an idea; the editor assigns it back with a deadline already past, and the writer's desk shows it overdue", async ({
  browser,
}) => {
  test.slow();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  const writer = await (await browser.newContext({ storageState: storageState("writer") })).newPage();
  const title = `Harbour seals are back ${Date.now()}`;

  await writer.goto("/newsroom/budget");
  await writer.getByRole("link", { name: "Propose an idea" }).click();
  // A writer proposes; only editors assign.
  await expect(writer.getByRole("button", { name: "Add a person" })).toHaveCount(0);
  await writer.getByRole("button", { name: "Propose the idea" }).click();
  await expect(writer.getByText("A working title is required")).toBeVisible();
  await writer.getByLabel("Working title").fill(title);
  await writer.getByLabel("Target length (words)").fill("six hundred");
  await writer.getByRole("button", { name: "Propose the idea" }).click();
  await expect(writer.getByText("Target length is a whole number of words")).toBeVisible();
  // Nothing typed is lost on a refusal.
  await expect(writer.getByLabel("Working title")).toHaveValue(title);
  await writer.getByLabel("Target length (words)").fill("400");
  await writer.getByRole("button", { name: "Propose the idea" }).click();
  await expect(writer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(writer.getByText("Idea", { exact: true })).toBeVisible();
  const lineUrl = writer.url();

  // The editor assigns it to the writer, due yesterday.
  await editor.goto(lineUrl);
  await editor.getByRole("button", { name: "Add a person" }).click();
  await editor.getByLabel("Person 1", { exact: true }).selectOption({ label: ACCOUNTS.writer.name });
  await editor.getByLabel("Filing deadline").fill("2020-01-01T09:00");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(editor.getByText("Assigned", { exact: true })).toBeVisible();

  // The writer's desk marks it overdue; the line is no longer theirs to change.
  await writer.goto("/newsroom");
  const assignment = writer
    .getByRole("region", { name: "My assignments" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await expect(assignment).toContainText("Overdue: was due");
  await writer.goto(lineUrl);
  await expect(writer.getByText("An editor has assigned this line: ask the desk to change it.")).toBeVisible();
  await expect(writer.getByLabel("Working title")).toBeDisabled();
  await Promise.all([editor.context().close(), writer.context().close()]);
});
