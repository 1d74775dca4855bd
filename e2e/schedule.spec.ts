import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { act, runSchedulerAsOf, serverNow, status, utcInput, writeStory } from "./fixtures/workflow";

test.use({ storageState: storageState("editor") });

test("a story scheduled ahead goes live when its time comes", async ({ page, browser }) => {
  const headline = `Scheduled budget story ${Date.now()}`;
  const slug = await writeStory(page, headline, "The budget is out at noon.");
  await act(page, "Submit for review");
  await status(page, "In review");
  await act(page, "Approve");
  await status(page, "Approved");

  // Ten minutes ahead, on the minute: far enough that the app's own scheduler (every 30 s, in
  // real time) cannot publish it first however slowly this test runs.
  const now = await serverNow(page.request);
  const at = new Date(Math.ceil((now.getTime() + 10 * 60_000) / 60_000) * 60_000);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule publication" });
  await dialog.getByLabel(/Publish at/).fill(utcInput(new Date(now.getTime() - 3600_000)));
  await dialog.getByRole("button", { name: "Schedule" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose a time in the future");
  await dialog.getByLabel(/Publish at/).fill(utcInput(at));
  await dialog.getByRole("button", { name: "Schedule" }).click();
  await expect(dialog).toHaveCount(0);
  await status(page, "Scheduled");

  const reader = await browser.newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);

  // Not due yet a second before its time; published one second after it.
  expect(await runSchedulerAsOf(page.request, new Date(at.getTime() - 1000))).toMatchObject({
    published: [],
    failed: [],
  });
  const run = await runSchedulerAsOf(page.request, new Date(at.getTime() + 1000));
  expect(run.published).toHaveLength(1);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);

  await page.reload();
  await status(page, "Published");
  await expect(page.getByText("Published as scheduled")).toBeVisible();
  await reader.close();
});
