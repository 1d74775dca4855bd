import { beforeEach, describe, expect, it } from "vitest";
import { createBudgetLine } from "@/server/services/budget";
import { budgetCalendar, moveBudgetLine } from "@/server/services/budget-calendar";
import { publishDueArticles } from "@/server/services/scheduler";
import { transition } from "@/server/services/workflow";
import { budgetLine } from "@/tests/budget";
import { db, env, FIXED_NOW, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

// Another publishing time for a scheduled story: from its workspace (workflow.reschedule),
// or on the planning calendar by moving the story or the budget line it belongs to.

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});
const call = (actor: Actor) => callAs(users, actor);

/** A story the writer wrote, scheduled by the editor for `at`. */
async function scheduledAt(at: Date, headline = "Harbour vote") {
  const article = await articleIn("APPROVED", users.writer, users.editor, headline);
  await transition(
    db,
    users.editor,
    { articleId: article.id, action: "schedule", version: article.version, scheduledFor: at },
    env(),
  );
  return { id: article.id, version: await versionOf(article.id) };
}

const storyOf = (id: string) =>
  db.article.findUniqueOrThrow({ where: { id }, select: { status: true, scheduledFor: true, version: true } });

describe("rescheduling a story", () => {
  it("moves its time: the timeline says when, the author is told (by email if they asked), the scheduler follows", async () => {
    const story = await scheduledAt(new Date("2026-11-26T13:00:00Z"));
    await db.user.update({ where: { id: users.writer.id }, data: { mailActions: ["SCHEDULE"] } });

    await (await call("editor")).workflow.reschedule({ ...story, scheduledFor: "2026-11-27T09:30" });

    expect(await storyOf(story.id)).toMatchObject({
      status: "SCHEDULED",
      scheduledFor: new Date("2026-11-27T09:30:00Z"),
      version: story.version + 1,
    });
    const event = await db.workflowEvent.findFirstOrThrow({ where: { articleId: story.id, action: "RESCHEDULE" } });
    expect([event.fromStatus, event.toStatus, event.actorId]).toEqual(["SCHEDULED", "SCHEDULED", users.editor.id]);
    expect(event.note).toBe("For 27 Nov 2026, 09:30 UTC");
    const notice = await db.notification.findFirstOrThrow({ where: { articleId: story.id, action: "RESCHEDULE" } });
    expect(notice.userId).toBe(users.writer.id);
    expect(notice.message).toMatch(/rescheduled “Harbour vote”: For /);
    expect(
      await db.outgoingMail.count({ where: { to: users.writer.email, subject: { contains: "rescheduled" } } }),
    ).toBe(1);

    // Not at the old time; at the new one.
    expect(await publishDueArticles(db, () => new Date("2026-11-26T13:00:01Z"), "UTC")).toEqual({
      published: [],
      failed: [],
    });
    expect((await publishDueArticles(db, () => new Date("2026-11-27T09:30:01Z"), "UTC")).published).toEqual([story.id]);
  });

  it.each([
    ["the time it already has", "2026-11-26T13:00"],
    ["a time in the past", "2026-11-26T11:00"],
    ["more than a year ahead", "2027-11-28T12:00"],
    ["a time that does not exist", "2026-02-30T10:00"],
  ])("to %s is a BAD_REQUEST that changes nothing", async (_label, when) => {
    const story = await scheduledAt(new Date("2026-11-26T13:00:00Z"));
    expect(await outcome((await call("editor")).workflow.reschedule({ ...story, scheduledFor: when }))).toBe(
      "BAD_REQUEST",
    );
    expect(await storyOf(story.id)).toMatchObject({
      scheduledFor: new Date("2026-11-26T13:00:00Z"),
      version: story.version,
    });
  });

  it("refuses a time the story may not go live at (an embargo), and a story that is not scheduled", async () => {
    const story = await scheduledAt(new Date("2026-11-28T13:00:00Z"));
    await db.article.update({ where: { id: story.id }, data: { embargoedUntil: new Date("2026-11-28T12:00:00Z") } });
    const asEditor = await call("editor");
    expect(await outcome(asEditor.workflow.reschedule({ ...story, scheduledFor: "2026-11-28T11:00" }))).toBe(
      "BAD_REQUEST",
    );
    const approved = await articleIn("APPROVED", users.writer, users.editor, "Not scheduled");
    expect(await outcome(asEditor.workflow.reschedule({ ...approved, scheduledFor: "2026-11-28T11:00" }))).toBe(
      "BAD_REQUEST",
    );
    expect((await storyOf(approved.id)).status).toBe("APPROVED");
  });
});

describe("moving a line whose story is scheduled", () => {
  /** A budget line on `day` whose story is scheduled for `at`. */
  async function lineWithStory(day: string, at: Date) {
    const story = await scheduledAt(at, "Ferry timetable cuts");
    const line = await createBudgetLine(
      db,
      users.editor,
      budgetLine({ plannedDay: day, windowStart: "09:00", assignees: [{ userId: users.writer.id, role: "REPORTER" }] }),
      "UTC",
    );
    const linked = await db.budgetItem.update({
      where: { id: line.id },
      data: { articleId: story.id, version: { increment: 1 } },
    });
    return { line: { id: line.id, version: linked.version }, story };
  }

  const lineOf = (id: string) =>
    db.budgetItem.findUniqueOrThrow({ where: { id }, select: { plannedDay: true, windowStart: true, version: true } });

  it("asks first: without the person's confirmation it is a CONFLICT naming the time, and nothing moves", async () => {
    const { line, story } = await lineWithStory("2026-11-28", new Date("2026-11-28T16:00:00Z"));
    const error = await (await call("editor")).budget.move({ ...line, plannedDay: "2026-11-30" }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      "Its story is scheduled for 28 Nov 2026, 16:00 UTC: moving the line reschedules it. Reload the calendar and confirm.",
    );
    expect((await lineOf(line.id)).version).toBe(line.version);
    expect(await storyOf(story.id)).toMatchObject({ scheduledFor: new Date("2026-11-28T16:00:00Z") });
  });

  it("once confirmed, moves both: the story keeps its time of day, its timeline says so", async () => {
    const { line, story } = await lineWithStory("2026-11-28", new Date("2026-11-28T16:00:00Z"));
    const moved = await (await call("editor")).budget.move({ ...line, plannedDay: "2026-12-02", reschedule: true });
    expect(moved.plannedDay).toBe("2026-12-02");
    expect(moved.windowStart?.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    expect(moved.article?.scheduledFor?.toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(await storyOf(story.id)).toMatchObject({ status: "SCHEDULED", version: story.version + 1 });
    expect(await db.workflowEvent.count({ where: { articleId: story.id, action: "RESCHEDULE" } })).toBe(1);
  });

  it.each([
    ["to a day already past", "2026-11-25", "BAD_REQUEST"],
    ["to a day where its embargo still holds", "2026-11-29", "BAD_REQUEST"],
  ])("%s is refused for both", async (_label, day, code) => {
    const { line, story } = await lineWithStory("2026-11-30", new Date("2026-11-30T16:00:00Z"));
    await db.article.update({ where: { id: story.id }, data: { embargoedUntil: new Date("2026-11-30T00:00:00Z") } });
    expect(await outcome((await call("editor")).budget.move({ ...line, plannedDay: day, reschedule: true }))).toBe(
      code,
    );
    expect(await lineOf(line.id)).toMatchObject({ version: line.version, plannedDay: new Date("2026-11-30") });
    expect(await storyOf(story.id)).toMatchObject({
      scheduledFor: new Date("2026-11-30T16:00:00Z"),
      version: story.version,
    });
  });

  it("keeps the wall-clock time across a change of the clocks, and refuses a time that day lacks", async () => {
    const berlin = { now: FIXED_NOW, timeZone: "Europe/Berlin" };
    // 18:00 in Berlin is 17:00 UTC before the clocks go forward (28 March 2027), 16:00 after.
    const evening = await lineWithStory("2027-03-26", new Date("2027-03-26T17:00:00Z"));
    await moveBudgetLine(db, users.editor, { ...evening.line, plannedDay: "2027-03-29", reschedule: true }, berlin);
    expect((await storyOf(evening.story.id)).scheduledFor?.toISOString()).toBe("2027-03-29T16:00:00.000Z");
    // 02:30 does not exist in Berlin on 28 March 2027.
    const night = await lineWithStory("2027-03-27", new Date("2027-03-27T01:30:00Z"));
    await expect(
      moveBudgetLine(db, users.editor, { ...night.line, plannedDay: "2027-03-28", reschedule: true }, berlin),
    ).rejects.toThrow(/does not exist on that day/);
    expect((await storyOf(night.story.id)).scheduledFor?.toISOString()).toBe("2027-03-27T01:30:00.000Z");
  });

  it.each([
    ["signedOut", "UNAUTHORIZED"],
    ["writer", "FORBIDDEN"],
    ["otherWriter", "NOT_FOUND"],
    ["editor", "ok"],
    ["admin", "ok"],
  ] as const)("%s moving it → %s", async (actor, want) => {
    const { line, story } = await lineWithStory("2026-11-28", new Date("2026-11-28T16:00:00Z"));
    expect(
      await outcome((await call(actor)).budget.move({ ...line, plannedDay: "2026-11-29", reschedule: true })),
    ).toBe(want);
    const scheduledFor = (await storyOf(story.id)).scheduledFor?.toISOString();
    expect(scheduledFor).toBe(want === "ok" ? "2026-11-29T16:00:00.000Z" : "2026-11-28T16:00:00.000Z");
  });
});

describe("what the calendar offers to move", () => {
  it("scheduled stories to publishers only; lines show their story's time", async () => {
    const story = await scheduledAt(new Date("2026-11-28T16:00:00Z"), "Scheduled alone");
    const asEditor = await budgetCalendar(db, users.editor, { from: "2026-11-23", to: "2026-11-29" }, "UTC");
    expect(asEditor.stories.map((s) => [s.id, s.kind, s.version, s.movable])).toEqual([
      [story.id, "scheduled", story.version, true],
    ]);
    const asWriter = await budgetCalendar(db, users.writer, { from: "2026-11-23", to: "2026-11-29" }, "UTC");
    expect(asWriter.stories.map((s) => [s.id, s.movable])).toEqual([[story.id, false]]);
  });
});
