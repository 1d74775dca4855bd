import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import type { BudgetFields } from "@/lib/schemas/budget";
import { importArticle } from "@/server/services/articles";
import { budgetCalendar, moveBudgetLine } from "@/server/services/budget-calendar";
import { createBudgetLine } from "@/server/services/budget";
import { budgetLine } from "@/tests/budget";
import { db, FIXED_NOW, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});

const call = (actor: Actor) => callAs(users, actor);
const assigned = (over: Partial<BudgetFields> = {}) =>
  createBudgetLine(
    db,
    users.editor,
    budgetLine({ assignees: [{ userId: users.writer.id, role: "REPORTER" }], ...over }),
    "UTC",
  );

describe("moving a line on the calendar", () => {
  const expected: Record<Actor, string> = {
    signedOut: "UNAUTHORIZED",
    writer: "FORBIDDEN",
    otherWriter: "NOT_FOUND",
    editor: "ok",
    admin: "ok",
  };
  it.each(Object.entries(expected) as [Actor, string][])("%s moving an assigned line → %s", async (actor, want) => {
    const planned = await assigned();
    expect(
      await outcome(
        (await call(actor)).budget.move({ id: planned.id, version: planned.version, plannedDay: "2026-11-30" }),
      ),
    ).toBe(want);
    const stored = await db.budgetItem.findUniqueOrThrow({ where: { id: planned.id } });
    expect(stored.plannedDay?.toISOString().slice(0, 10)).toBe(want === "ok" ? "2026-11-30" : "2026-11-27");
  });

  it("a writer moves their own idea; the window keeps its time of day; a stale move is a conflict", async () => {
    const idea = await createBudgetLine(
      db,
      users.writer,
      budgetLine({ windowStart: "07:00", windowEnd: "09:30" }),
      "UTC",
    );
    const moved = await (
      await call("writer")
    ).budget.move({ id: idea.id, version: idea.version, plannedDay: "2026-12-03" });
    expect(moved.plannedDay).toBe("2026-12-03");
    expect(moved.windowStart?.toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(moved.windowEnd?.toISOString()).toBe("2026-12-03T09:30:00.000Z");
    expect(
      await outcome(
        (await call("editor")).budget.move({ id: idea.id, version: idea.version, plannedDay: "2026-12-04" }),
      ),
    ).toBe("CONFLICT");
  });

  it("keeps the wall-clock time across a change of the clocks", async () => {
    // 09:00 in Berlin is 08:00 UTC in March before the change, 07:00 UTC after it.
    const planned = await createBudgetLine(
      db,
      users.editor,
      budgetLine({ plannedDay: "2026-03-27", windowStart: "09:00" }),
      "Europe/Berlin",
    );
    expect(planned.windowStart?.toISOString()).toBe("2026-03-27T08:00:00.000Z");
    const moved = await moveBudgetLine(
      db,
      users.editor,
      { id: planned.id, version: planned.version, plannedDay: "2026-03-30" },
      { now: FIXED_NOW, timeZone: "Europe/Berlin" },
    );
    expect(moved.windowStart?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("a day that does not exist is a BAD_REQUEST and moves nothing", async () => {
    const planned = await assigned();
    expect(
      await outcome(
        (await call("editor")).budget.move({ id: planned.id, version: planned.version, plannedDay: "2026-02-30" }),
      ),
    ).toBe("BAD_REQUEST");
    expect((await db.budgetItem.findUniqueOrThrow({ where: { id: planned.id } })).version).toBe(planned.version);
  });
});

describe("what the calendar shows", () => {
  it("lines on their days and the stories scheduled or published in the span; writers see their own", async () => {
    await assigned({ title: "The writer's", plannedDay: "2026-11-02" });
    await createBudgetLine(
      db,
      users.otherWriter,
      budgetLine({ title: "A colleague's idea", plannedDay: "2026-11-03" }),
      "UTC",
    );
    await createBudgetLine(db, users.editor, budgetLine({ title: "Next month", plannedDay: "2026-12-01" }), "UTC");
    const live = await importArticle(db, {
      headline: "Live story",
      standfirst: "",
      tags: [],
      body: paragraphs(["Out."]),
      createdById: users.writer.id,
      authorIds: [users.writer.id],
      status: "PUBLISHED",
      publishedAt: new Date("2026-11-10T15:00:00Z"),
    });

    const month = await (await call("editor")).budget.calendar({ from: "2026-11-01", to: "2026-11-30" });
    expect(month.lines.map((l) => [l.title, l.plannedDay, l.movable])).toEqual([
      ["The writer's", "2026-11-02", true],
      ["A colleague's idea", "2026-11-03", true],
    ]);
    expect(month.stories).toEqual([
      {
        id: live.id,
        version: await versionOf(live.id),
        headline: "Live story",
        kind: "published",
        at: new Date("2026-11-10T15:00:00Z"),
        day: "2026-11-10",
        movable: false,
      },
    ]);

    const writers = await budgetCalendar(db, users.writer, { from: "2026-11-01", to: "2026-11-30" }, "UTC");
    expect(writers.lines.map((l) => [l.title, l.movable])).toEqual([["The writer's", false]]);
    expect(writers.stories.map((s) => s.headline)).toEqual(["Live story"]);
    const colleagues = await budgetCalendar(db, users.otherWriter, { from: "2026-11-01", to: "2026-11-30" }, "UTC");
    expect(colleagues.lines.map((l) => [l.title, l.movable])).toEqual([["A colleague's idea", true]]);
    expect(colleagues.stories).toEqual([]);
    expect(await outcome((await call("signedOut")).budget.calendar({ from: "2026-11-01", to: "2026-11-30" }))).toBe(
      "UNAUTHORIZED",
    );
  });
});
