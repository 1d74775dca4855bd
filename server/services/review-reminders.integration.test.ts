import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/server/db/client";
import { DATABASE_URL, db, FIXED_NOW, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, EDITORS_AND_ADMINS, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";
import { sendReviewReminders } from "./review-reminders";
import { transition } from "./workflow";

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});

const DAY = 24 * 3600_000;
const later = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
const call = (actor: Actor) => callAs(users, actor);
const notices = () =>
  db.notification.findMany({
    where: { action: "REVIEW_DUE" },
    orderBy: { userId: "asc" },
    select: { userId: true, articleId: true, message: true },
  });

describe("who may ask for a review reminder", () => {
  const expected = EDITORS_AND_ADMINS;
  it.each(Object.entries(expected))("%s on the writer's published story → %s", async (actor, want) => {
    const story = await articleIn("PUBLISHED", users.writer, users.editor);
    const caller = await call(actor as Actor);
    expect(await outcome(caller.article.setReview({ id: story.id, version: story.version, days: 7 }))).toBe(want);
    const row = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { reviewAt: true } });
    expect(row.reviewAt?.toISOString() ?? null).toBe(want === "ok" ? later(7 * DAY).toISOString() : null);
  });
});

describe("the review reminder", () => {
  it("reaches the authors and the editor who asked once, when due, and not before", async () => {
    const story = await articleIn("PUBLISHED", users.writer, users.editor, "Flood defences: what next");
    await (await call("editor")).article.setReview({ id: story.id, version: story.version, days: 3 });

    expect(await sendReviewReminders(db, later(3 * DAY - 60_000), "UTC")).toBe(0);
    const other = createDb(DATABASE_URL, { max: 4 });
    try {
      // Two instances sweep at once: one sends it.
      const runs = await Promise.all([
        sendReviewReminders(db, later(3 * DAY), "UTC"),
        sendReviewReminders(other, later(3 * DAY), "UTC"),
        sendReviewReminders(other, later(3 * DAY), "UTC"),
      ]);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await other.$disconnect();
    }
    expect(await sendReviewReminders(db, later(4 * DAY), "UTC")).toBe(0);
    const sent = await notices();
    expect(sent.map((n) => n.userId).sort()).toEqual([users.writer.id, users.editor.id].sort());
    for (const n of sent) {
      expect(n.articleId).toBe(story.id);
      expect(n.message).toBe("Time to review “Flood defences: what next”: a reminder set for 29 Nov 2026, 12:00 UTC.");
    }
  });

  it("goes out late, once and saying so, after downtime; waits while the story is down; can be cleared", async () => {
    const story = await articleIn("PUBLISHED", users.writer, users.editor, "Harbour works");
    const editor = await call("editor");
    await editor.article.setReview({ id: story.id, version: story.version, days: 1 });
    // Taken down before it fell due: nothing while it is down.
    await transition(
      db,
      users.editor,
      { articleId: story.id, action: "unpublish", version: await versionOf(story.id), note: "Checking a claim" },
      { now: later(DAY / 2), timeZone: "UTC" },
    );
    expect(await sendReviewReminders(db, later(2 * DAY), "UTC")).toBe(0);
    await transition(
      db,
      users.editor,
      { articleId: story.id, action: "republish", version: await versionOf(story.id) },
      { now: later(2 * DAY), timeZone: "UTC" },
    );
    expect(await sendReviewReminders(db, later(2 * DAY + 60_000), "UTC")).toBe(1);
    expect((await notices())[0]?.message).toMatch(/\(sent late: Masthead was not running when it was due\)\.$/);

    // Cleared before it is due: never sent.
    const second = await articleIn("PUBLISHED", users.writer, users.editor, "Second story");
    await editor.article.setReview({ id: second.id, version: second.version, days: 1 });
    await editor.article.setReview({ id: second.id, version: second.version, days: null });
    expect(await sendReviewReminders(db, later(5 * DAY), "UTC")).toBe(0);
  });

  it("refuses a story that is not live, bad day counts and a stale version, changing nothing", async () => {
    const draft = await articleIn("DRAFT", users.writer, users.editor);
    const live = await articleIn("PUBLISHED", users.writer, users.editor);
    const editor = await call("editor");
    expect(await outcome(editor.article.setReview({ id: draft.id, version: draft.version, days: 3 }))).toBe(
      "BAD_REQUEST",
    );
    for (const days of [0, 366, 1.5, -2])
      expect(await outcome(editor.article.setReview({ id: live.id, version: live.version, days }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.article.setReview({ id: live.id, version: live.version - 1, days: 3 }))).toBe(
      "CONFLICT",
    );
    const rows = await db.article.findMany({ where: { reviewAt: { not: null } } });
    expect(rows).toEqual([]);
  });
});
