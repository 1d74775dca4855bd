import { beforeEach, describe, expect, it } from "vitest";
import type { BudgetFields } from "@/lib/schemas/budget";
import { createDb } from "@/server/db/client";
import { createBudgetLine, updateBudgetLine } from "@/server/services/budget";
import { startWriting } from "@/server/services/budget-start";
import { sendDeadlineNotices } from "@/server/services/reminders";
import type { SessionUser } from "@/server/services/users";
import { budgetLine } from "@/tests/budget";
import { DATABASE_URL, db, makeUser, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";

const LEAD = 2 * 3_600_000;
const at = (time: string) => new Date(`2026-12-02T${time}:00Z`);
const sweep = (now: Date, on = db) => sendDeadlineNotices(on, now, LEAD, "UTC");

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

const line = (over: Partial<BudgetFields> = {}): BudgetFields =>
  budgetLine({
    plannedDay: "2026-12-02",
    deadline: "2026-12-02T16:00",
    assignees: [{ userId: writer.id, role: "REPORTER" }],
    ...over,
  });
const notices = (userId: string) =>
  db.notification.findMany({ where: { userId }, select: { action: true, message: true, budgetItemId: true } });

describe("deadline reminders", () => {
  it("reminds the reporter two hours ahead, once; tells the assigning editor when the deadline passes unfiled", async () => {
    await db.user.update({ where: { id: writer.id }, data: { mailActions: ["DEADLINE_SOON"] } });
    const planned = await createBudgetLine(db, editor, line(), "UTC");

    expect(await sweep(at("13:59"))).toEqual({ reminded: 0, missed: 0 });
    expect(await sweep(at("14:00"))).toEqual({ reminded: 1, missed: 0 });
    expect(await sweep(at("14:01"))).toEqual({ reminded: 0, missed: 0 });
    expect(await notices(writer.id)).toEqual([
      {
        action: "DEADLINE_SOON",
        message: "Reminder: “Ferry timetable cuts” is due at 2 Dec 2026, 16:00 UTC.",
        budgetItemId: planned.id,
      },
    ]);
    // The writer asked for these by email too; the editor did not.
    const mail = await db.outgoingMail.findMany({ select: { to: true, text: true } });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe(writer.email);
    expect(mail[0]?.text).toContain(`/newsroom/budget/${planned.id}`);

    expect(await sweep(at("16:00"))).toEqual({ reminded: 0, missed: 1 });
    expect(await sweep(at("16:30"))).toEqual({ reminded: 0, missed: 0 });
    expect((await notices(editor.id)).map((n) => n.message)).toEqual([
      "“Ferry timetable cuts” was due at 2 Dec 2026, 16:00 UTC and has not been filed.",
    ]);
    expect(await db.outgoingMail.count()).toBe(1);
  });

  it("says nothing about a story filed in time", async () => {
    const planned = await createBudgetLine(db, editor, line(), "UTC");
    const { articleId } = await startWriting(db, writer, { id: planned.id, version: planned.version }, at("09:00"));
    await (await workflowCallerFor(writer)).workflow.submit({ id: articleId, version: await versionOf(articleId) });
    expect(await sweep(at("17:00"))).toEqual({ reminded: 0, missed: 0 });
    expect(await db.notification.count({ where: { budgetItemId: planned.id } })).toBe(0);
  });

  it("after downtime: a reminder still before its deadline goes out late, once; a passed deadline is reported late", async () => {
    await createBudgetLine(db, editor, line({ title: "Early" }), "UTC");
    await createBudgetLine(db, editor, line({ title: "Missed", deadline: "2026-12-02T12:00" }), "UTC");
    // Masthead was down from 09:00 to 15:30.
    expect(await sweep(at("15:30"))).toEqual({ reminded: 1, missed: 1 });
    expect((await notices(writer.id)).map((n) => n.message)).toEqual([
      "Reminder: “Early” is due at 2 Dec 2026, 16:00 UTC (sent late: Masthead was not running when it was due).",
    ]);
    expect((await notices(editor.id)).map((n) => n.message)).toEqual([
      "“Missed” was due at 2 Dec 2026, 12:00 UTC and has not been filed (sent late: Masthead was not running when it was due).",
    ]);
    expect(await sweep(at("15:31"))).toEqual({ reminded: 0, missed: 0 });
  });

  it("a new deadline is reminded of afresh", async () => {
    const planned = await createBudgetLine(db, editor, line(), "UTC");
    await sweep(at("14:30"));
    await updateBudgetLine(
      db,
      editor,
      { id: planned.id, version: planned.version, fields: line({ deadline: "2026-12-02T20:00" }) },
      "UTC",
    );
    expect(await sweep(at("18:00"))).toEqual({ reminded: 1, missed: 0 });
    expect(await db.notification.count({ where: { userId: writer.id } })).toBe(2);
  });

  it("two instances sweeping at once send each notice exactly once", async () => {
    for (let i = 0; i < 40; i += 1) await createBudgetLine(db, editor, line({ title: `Story ${i}` }), "UTC");
    const other = createDb(DATABASE_URL, { max: 4 });
    try {
      const runs = await Promise.all([sweep(at("14:10")), sweep(at("14:10"), other), sweep(at("14:10"), other)]);
      expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(40);
      const again = await Promise.all([sweep(at("14:20")), sweep(at("14:20"), other)]);
      expect(again.reduce((sum, r) => sum + r.reminded, 0)).toBe(0);
    } finally {
      await other.$disconnect();
    }
    const perLine = await db.notification.groupBy({ by: ["budgetItemId"], _count: { _all: true } });
    expect(perLine).toHaveLength(40);
    expect(perLine.every((row) => row._count._all === 1)).toBe(true);
  });
});
