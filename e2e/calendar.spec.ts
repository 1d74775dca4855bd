import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { fillAndSubmit, mutate, paragraphsDoc, query } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { serverNow, status } from "./fixtures/workflow";

// The planning calendar: lines and scheduled stories moved by dragging and from the keyboard.

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
  // The move is stored before the next one starts: its confirmation would otherwise land after it.
  await expect(editor.getByText(`Moved “${dragged}” to Thursday 13 June 2030.`)).toBeAttached();

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

/** The Monday a week of days after `from` ("YYYY-MM-DD"). */
function mondayAfter(from: Date, days: number): string {
  const day = new Date(from.getTime() + days * 86_400_000);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
const plus = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Fills in a story ready to publish, takes it through review and schedules it for `at` ("YYYY-MM-DDTHH:MM", UTC). */
async function schedule(editor: APIRequestContext, id: string, headline: string, at: string) {
  const article = await query<{ version: number }>(editor, "article.get", { id });
  const submitted = await fillAndSubmit(
    editor,
    { id, version: article.version },
    { headline, standfirst: "Planned for the calendar.", body: paragraphsDoc("A paragraph of text.") },
  );
  const approved = await mutate<{ version: number }>(editor, "workflow.approve", { id, ...submitted });
  await mutate(editor, "workflow.schedule", { id, version: approved.version, scheduledFor: at });
}

const dayCell = (page: Page, day: string) =>
  page.getByRole("listitem", {
    name: new Intl.DateTimeFormat("en-GB", {
      timeZone: "UTC",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    })
      .format(new Date(`${day}T00:00:00Z`))
      .replace(",", ""),
    exact: true,
  });

test("on the calendar an editor reschedules a story from the keyboard and a line's story by dragging, confirming each", async ({
  browser,
}) => {
  test.slow();
  const editor = await (await browser.newContext({ storageState: storageState("editor") })).newPage();
  // A week of its own, about seven months ahead (stories can be scheduled up to a year ahead).
  const monday = mondayAfter(await serverNow(editor.request), 210 + (Date.now() % 60));
  const [tuesday, wednesday, thursday] = [1, 2, 3].map((n) => plus(monday, n)) as [string, string, string];
  const stamp = Date.now();
  const alone = `Budget vote ${stamp}`;
  const planned = `Ferry strike ${stamp}`;

  // A story scheduled for Tuesday 10:15 on its own, and a line whose story goes live Tuesday 16:00.
  const draft = await mutate<{ id: string }>(editor.request, "article.create", { headline: alone });
  await schedule(editor.request, draft.id, alone, `${tuesday}T10:15`);
  const me = (await query<{ id: string; displayName: string }[]>(editor.request, "article.possibleAuthors")).find(
    (p) => p.displayName === "Eddie Editor",
  );
  const line = await mutate<{ id: string; version: number }>(editor.request, "budget.create", {
    title: planned,
    plannedDay: tuesday,
    assignees: [{ userId: me?.id, role: "REPORTER" }],
  });
  const started = await mutate<{ articleId: string }>(editor.request, "budget.startWriting", line);
  await schedule(editor.request, started.articleId, planned, `${tuesday}T16:00`);

  await editor.goto(`/newsroom/budget/calendar?view=week&day=${monday}`);
  await expect(editor.getByRole("heading", { level: 1, name: "Planning calendar" })).toBeVisible();
  await expect(dayCell(editor, tuesday)).toContainText(`10:15 ${alone}`);
  await expect(dayCell(editor, tuesday)).toContainText(`${planned}`);
  await expect(dayCell(editor, tuesday).getByRole("listitem").filter({ hasText: planned })).toContainText(
    "Goes live 16:00",
  );

  // From the keyboard: the story picked up, moved two days on; it asks first. Cancel leaves it.
  const moveAlone = editor.getByRole("button", { name: `Move “${alone}”` });
  await moveAlone.focus();
  await editor.keyboard.press("Enter");
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("Enter");
  const ask = editor.getByRole("dialog", { name: `Reschedule “${alone}”?` });
  await expect(ask).toContainText(/It will go live on Thursday .* at 10:15 instead of Tuesday/);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(dayCell(editor, tuesday)).toContainText(alone);
  await expect(moveAlone).toBeFocused();
  // Again, confirmed: Thursday, same time, and the focus stays on the story's Move button.
  await editor.keyboard.press("Enter");
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("Enter");
  await ask.getByRole("button", { name: "Reschedule" }).click();
  await expect(dayCell(editor, thursday)).toContainText(`10:15 ${alone}`);
  await expect(editor.getByText(`Rescheduled “${alone}” to ${await dayName(editor, thursday)}.`)).toBeAttached();
  await expect(moveAlone).toBeFocused();

  // Dragged: the line to Wednesday; its story moves with it once confirmed.
  await editor.locator('li[draggable="true"]', { hasText: planned }).dragTo(dayCell(editor, wednesday));
  const both = editor.getByRole("dialog", { name: `Move “${planned}” and reschedule its story?` });
  await expect(both).toContainText(
    /Its story is scheduled: it will go live on Wednesday .* at 16:00 instead of Tuesday/,
  );
  await both.getByRole("button", { name: "Move and reschedule" }).click();
  await expect(dayCell(editor, wednesday)).toContainText(planned);
  await expect(editor.getByText(`Moved “${planned}” to ${await dayName(editor, wednesday)}.`)).toBeAttached();

  // Stored: after a reload; the stories' own pages say when they go live and why.
  await editor.reload();
  await expect(dayCell(editor, thursday)).toContainText(`10:15 ${alone}`);
  await expect(dayCell(editor, wednesday).getByRole("listitem").filter({ hasText: planned })).toContainText(
    "Goes live 16:00",
  );
  await expectAxeCleanLightAndDark(editor);
  await editor.goto(`/newsroom/articles/${started.articleId}`);
  await status(editor, "Scheduled");
  await expect(editor.getByText("Rescheduled", { exact: true })).toBeVisible();
  const newDate = new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  await expect(
    editor.getByText(`For ${newDate.format(new Date(`${wednesday}T16:00:00Z`))}, 16:00 UTC`, { exact: true }),
  ).toBeVisible();
  // From the story itself: Reschedule starts from the time it has.
  await editor.getByRole("button", { name: "Reschedule", exact: true }).click();
  const dialog = editor.getByRole("dialog", { name: "Reschedule publication" });
  await expect(dialog.getByLabel(/Publish at/)).toHaveValue(`${wednesday}T16:00`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await editor.context().close();
});

/** "Thursday 9 July 2027", as the calendar names a day. */
async function dayName(page: Page, day: string) {
  return (await dayCell(page, day).getAttribute("aria-label")) ?? day;
}
