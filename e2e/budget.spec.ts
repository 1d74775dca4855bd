import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageState } from "./fixtures/accounts";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { mutate } from "./fixtures/api";
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

test("on the planning calendar an editor moves one line by dragging and another from the keyboard; both stay moved", async ({
  browser,
}) => {
  test.slow();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  // A week of its own, far ahead: Monday 10 June 2030.
  const stamp = Date.now();
  const dragged = `Regatta preview ${stamp}`;
  const keyed = `Harbour dredging ${stamp}`;
  for (const title of [dragged, keyed])
    await mutate(editor.request, "budget.create", { title, plannedDay: "2030-06-11", windowStart: "07:30" });

  await editor.goto("/newsroom/budget/calendar?view=week&day=2030-06-10");
  await expect(editor.getByRole("heading", { level: 1, name: "Planning calendar" })).toBeVisible();
  const tuesday = editor.getByRole("listitem", { name: "Tuesday 11 June 2030" });
  const thursday = editor.getByRole("listitem", { name: "Thursday 13 June 2030" });
  const friday = editor.getByRole("listitem", { name: "Friday 14 June 2030" });
  await expect(tuesday).toContainText(`07:30 ${dragged}`);

  // Dragged from Tuesday to Thursday.
  await editor.locator('li[draggable="true"]', { hasText: dragged }).dragTo(thursday);
  await expect(thursday).toContainText(dragged);
  await expect(tuesday).not.toContainText(dragged);

  // From the keyboard: Move picks it up, the arrows choose Friday, Enter puts it there.
  await editor.getByRole("button", { name: `Move “${keyed}”` }).focus();
  await editor.keyboard.press("Enter");
  for (let i = 0; i < 3; i += 1) await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("Enter");
  await expect(friday).toContainText(keyed);
  await expect(editor.getByText(`Moved “${keyed}” to Friday 14 June 2030.`)).toBeAttached();

  // Escape leaves a line where it is.
  await editor.getByRole("button", { name: `Move “${keyed}”` }).focus();
  await editor.keyboard.press("Enter");
  await editor.keyboard.press("ArrowLeft");
  await editor.keyboard.press("Escape");
  await expect(friday).toContainText(keyed);

  // Stored: after a reload, and on the days' budgets, with the window's time kept.
  await editor.reload();
  await expect(thursday).toContainText(`07:30 ${dragged}`);
  await expect(friday).toContainText(`07:30 ${keyed}`);
  await editor.goto("/newsroom/budget?day=2030-06-14");
  await expect(editor.getByRole("row").filter({ hasText: keyed })).toContainText("from 07:30");
  await editor.goto("/newsroom/budget/calendar?day=2030-06-10");
  await expect(editor.getByRole("heading", { level: 1, name: "Planning calendar" })).toBeVisible();
  await expectAxeCleanLightAndDark(editor);
  await editor.context().close();
});
