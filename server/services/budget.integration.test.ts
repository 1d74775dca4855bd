import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import type { BudgetFields } from "@/lib/schemas/budget";
import { budgetLine } from "@/tests/budget";
import { db, jsonDoc, outcome, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";

type Caller = Awaited<ReturnType<typeof workflowCallerFor>>;

let users: RoleUsers;
let sectionId: string;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
  sectionId = (await db.section.create({ data: { slug: "local", name: "Local" } })).id;
});

const call = (actor: Actor) => callAs(users, actor);

/** An editor's line with the writer as reporter. */
async function assignedLine(over: Partial<BudgetFields> = {}) {
  return (await call("editor")).budget.create(
    budgetLine({ sectionId, targetWords: 600, assignees: [{ userId: users.writer.id, role: "REPORTER" }], ...over }),
  );
}

async function versionOfLine(id: string) {
  return (await db.budgetItem.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe("who may do what with the story budget", () => {
  const OK_FOR_SIGNED_IN: Record<Actor, string> = {
    signedOut: "UNAUTHORIZED",
    writer: "ok",
    otherWriter: "ok",
    editor: "ok",
    admin: "ok",
  };
  const cases: { name: string; run: (c: Caller) => Promise<unknown>; expected: Record<Actor, string> }[] = [
    { name: "create an idea", run: (c) => c.budget.create(budgetLine()), expected: OK_FOR_SIGNED_IN },
    {
      name: "create an assigned line",
      run: (c) => c.budget.create(budgetLine({ assignees: [{ userId: users.writer.id, role: "REPORTER" }] })),
      expected: { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "FORBIDDEN", editor: "ok", admin: "ok" },
    },
    {
      name: "get the writer's assigned line",
      run: async (c) => c.budget.get({ id: (await assignedLine()).id }),
      expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
    },
    {
      name: "change the writer's own idea",
      run: async (c) => {
        const idea = await (await call("writer")).budget.create(budgetLine());
        return c.budget.update({ id: idea.id, version: idea.version, fields: budgetLine({ title: "Changed" }) });
      },
      expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
    },
    {
      name: "change an assigned line",
      run: async (c) => {
        const planned = await assignedLine();
        return c.budget.update({
          id: planned.id,
          version: planned.version,
          fields: budgetLine({
            sectionId,
            title: "Changed",
            assignees: [{ userId: users.writer.id, role: "REPORTER" }],
          }),
        });
      },
      expected: { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
    },
    {
      name: "kill an assigned line",
      run: async (c) => {
        const planned = await assignedLine();
        return c.budget.setStatus({ id: planned.id, version: planned.version, action: "kill" });
      },
      expected: { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "FORBIDDEN", editor: "ok", admin: "ok" },
    },
    {
      name: "start writing the writer's assignment",
      run: async (c) => {
        const planned = await assignedLine();
        return c.budget.startWriting({ id: planned.id, version: planned.version });
      },
      expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
    },
    {
      name: "read the week's budget",
      run: (c) => c.budget.list({ from: "2026-11-23", to: "2026-11-29" }),
      expected: OK_FOR_SIGNED_IN,
    },
    { name: "read my assignments", run: (c) => c.budget.mine(), expected: OK_FOR_SIGNED_IN },
  ];
  const rows = cases.flatMap((c) =>
    (Object.keys(c.expected) as Actor[]).map((actor) => ({ ...c, actor, want: c.expected[actor] })),
  );
  it.each(rows)("$actor: $name → $want", async ({ actor, run, want }) => {
    expect(await outcome(run(await call(actor)))).toBe(want);
  });
});

describe("from the budget to the story", () => {
  it("an editor plans and assigns; the writer starts writing; the line follows the story to filed and published", async () => {
    const planned = await assignedLine({ deadline: "2026-11-27T16:00", windowStart: "07:00", windowEnd: "09:30" });
    expect(planned.state).toBe("ASSIGNED");
    expect(planned.deadline?.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(planned.windowStart?.toISOString()).toBe("2026-11-27T07:00:00.000Z");

    // The writer finds it under "My assignments"; a colleague does not.
    expect((await (await call("writer")).budget.mine()).map((l) => l.id)).toEqual([planned.id]);
    expect(await (await call("otherWriter")).budget.mine()).toEqual([]);

    const { articleId } = await (
      await call("writer")
    ).budget.startWriting({ id: planned.id, version: planned.version });
    const article = await db.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        headline: true,
        sectionId: true,
        targetWords: true,
        status: true,
        authors: { select: { userId: true } },
      },
    });
    expect(article).toEqual({
      headline: "Ferry timetable cuts",
      sectionId,
      targetWords: 600,
      status: "DRAFT",
      authors: [{ userId: users.writer.id }],
    });
    const started = await (await call("writer")).budget.get({ id: planned.id });
    expect(started.state).toBe("IN_PROGRESS");
    expect(started.article?.id).toBe(articleId);
    // Started once: a second start (even at the current version) makes no second story.
    expect(
      await outcome((await call("editor")).budget.startWriting({ id: planned.id, version: started.version })),
    ).toBe("FORBIDDEN");
    expect(await db.article.count()).toBe(1);

    // Filed on submit, published on publish.
    await db.article.update({
      where: { id: articleId },
      data: {
        standfirst: "What it means.",
        body: jsonDoc(paragraphs(["Two sailings go."])),
        bodyText: "Two sailings go.",
      },
    });
    await (await call("writer")).workflow.submit({ id: articleId, version: await versionOf(articleId) });
    expect((await (await call("editor")).budget.get({ id: planned.id })).state).toBe("FILED");
    await (await call("editor")).workflow.publish({ id: articleId, version: await versionOf(articleId) });
    expect((await (await call("editor")).budget.get({ id: planned.id })).state).toBe("PUBLISHED");
    // Done: no longer among the writer's assignments.
    expect(await (await call("writer")).budget.mine()).toEqual([]);
  });

  it("is killed when its story is spiked, and then only the story decides", async () => {
    const planned = await assignedLine();
    const { articleId } = await (
      await call("writer")
    ).budget.startWriting({ id: planned.id, version: planned.version });
    await (await call("writer")).workflow.spike({ id: articleId, version: await versionOf(articleId) });
    const killed = await (await call("editor")).budget.get({ id: planned.id });
    expect(killed.state).toBe("KILLED");
    // Reviving the line is refused: the story is restored instead.
    expect(
      await outcome(
        (await call("editor")).budget.setStatus({ id: planned.id, version: killed.version, action: "revive" }),
      ),
    ).toBe("FORBIDDEN");
    await (await call("editor")).workflow.restore({ id: articleId, version: await versionOf(articleId) });
    expect((await (await call("editor")).budget.get({ id: planned.id })).state).toBe("IN_PROGRESS");
  });

  it("an idea needs a reporter before a story starts; assigning makes it assigned, and the proposer can no longer change it", async () => {
    const idea = await (await call("writer")).budget.create(budgetLine({ title: "Harbour seals are back" }));
    expect(idea.state).toBe("IDEA");
    expect(await outcome((await call("editor")).budget.startWriting({ id: idea.id, version: idea.version }))).toBe(
      "FORBIDDEN",
    );
    const edited = await (
      await call("writer")
    ).budget.update({
      id: idea.id,
      version: idea.version,
      fields: budgetLine({ title: "Harbour seals are back in numbers" }),
    });
    expect(edited.title).toBe("Harbour seals are back in numbers");
    const assigned = await (
      await call("editor")
    ).budget.update({
      id: idea.id,
      version: edited.version,
      fields: budgetLine({ title: edited.title, assignees: [{ userId: users.otherWriter.id, role: "REPORTER" }] }),
    });
    expect(assigned.state).toBe("ASSIGNED");
    expect(
      await outcome(
        (await call("writer")).budget.update({
          id: idea.id,
          version: assigned.version,
          fields: budgetLine({ title: "Mine" }),
        }),
      ),
    ).toBe("FORBIDDEN");
    expect((await db.budgetItem.findUniqueOrThrow({ where: { id: idea.id } })).title).toBe(edited.title);
  });

  it("an editor kills a line and revives it; a stale change is a conflict and changes nothing", async () => {
    const planned = await assignedLine();
    const killed = await (
      await call("editor")
    ).budget.setStatus({
      id: planned.id,
      version: planned.version,
      action: "kill",
    });
    expect(killed.state).toBe("KILLED");
    expect(await outcome((await call("writer")).budget.startWriting({ id: planned.id, version: killed.version }))).toBe(
      "FORBIDDEN",
    );
    const revived = await (
      await call("admin")
    ).budget.setStatus({
      id: planned.id,
      version: killed.version,
      action: "revive",
    });
    expect(revived.state).toBe("ASSIGNED");
    expect(
      await outcome(
        (await call("editor")).budget.update({
          id: planned.id,
          version: planned.version,
          fields: budgetLine({ title: "Stale" }),
        }),
      ),
    ).toBe("CONFLICT");
    expect((await db.budgetItem.findUniqueOrThrow({ where: { id: planned.id } })).title).toBe("Ferry timetable cuts");
  });
});

describe("what the budget shows", () => {
  it("a day or a week, in order; writers see only their own lines", async () => {
    const editor = await call("editor");
    await editor.budget.create(budgetLine({ title: "Low one", priority: 3, plannedDay: "2026-11-27" }));
    await editor.budget.create(budgetLine({ title: "Top one", priority: 1, plannedDay: "2026-11-27" }));
    await editor.budget.create(budgetLine({ title: "Monday", plannedDay: "2026-11-23" }));
    await editor.budget.create(budgetLine({ title: "Next week", plannedDay: "2026-11-30" }));
    await editor.budget.create(budgetLine({ title: "Undated", plannedDay: null }));
    await assignedLine({ title: "The writer's", plannedDay: "2026-11-28" });
    await (
      await call("otherWriter")
    ).budget.create(budgetLine({ title: "A colleague's idea", plannedDay: "2026-11-27" }));

    const week = await editor.budget.list({ from: "2026-11-23", to: "2026-11-29" });
    expect(week.lines.map((l) => l.title)).toEqual([
      "Monday",
      "Top one",
      "A colleague's idea",
      "Low one",
      "The writer's",
    ]);
    expect(week.more).toBe(false);
    const day = await editor.budget.list({ from: "2026-11-27", to: "2026-11-27" });
    expect(day.lines.map((l) => l.plannedDay)).toEqual(["2026-11-27", "2026-11-27", "2026-11-27"]);
    const writers = await (await call("writer")).budget.list({ from: "2026-11-23", to: "2026-11-29" });
    expect(writers.lines.map((l) => l.title)).toEqual(["The writer's"]);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["an empty title", { title: "  " }],
    ["a window ending before it starts", { windowStart: "10:00", windowEnd: "09:00" }],
    ["a window without a day", { plannedDay: null, windowStart: "10:00" }],
    ["a day that does not exist", { plannedDay: "2026-02-30" }],
    ["a priority of 7", { priority: 7 }],
    ["a section that does not exist", { sectionId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" }],
    [
      "someone who is not in the newsroom",
      { assignees: [{ userId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", role: "REPORTER" }] },
    ],
    ["the same person twice in one role", { assignees: [] }],
  ] as [string, Partial<BudgetFields>][])("%s is a BAD_REQUEST", async (name, change) => {
    const fields =
      name === "the same person twice in one role"
        ? budgetLine({
            assignees: [
              { userId: users.writer.id, role: "REPORTER" },
              { userId: users.writer.id, role: "REPORTER" },
            ],
          })
        : budgetLine(change);
    expect(await outcome((await call("editor")).budget.create(fields))).toBe("BAD_REQUEST");
    expect(await db.budgetItem.count()).toBe(0);
  });

  it("a range longer than 62 days, or backwards, is a BAD_REQUEST", async () => {
    const editor = await call("editor");
    expect(await outcome(editor.budget.list({ from: "2026-01-01", to: "2026-06-01" }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.budget.list({ from: "2026-01-02", to: "2026-01-01" }))).toBe("BAD_REQUEST");
  });

  it("a stale start is a conflict and makes no story", async () => {
    const planned = await assignedLine();
    await (
      await call("editor")
    ).budget.update({
      id: planned.id,
      version: planned.version,
      fields: budgetLine({ sectionId, title: "Retitled", assignees: [{ userId: users.writer.id, role: "REPORTER" }] }),
    });
    expect(await versionOfLine(planned.id)).toBe(planned.version + 1);
    expect(
      await outcome((await call("writer")).budget.startWriting({ id: planned.id, version: planned.version })),
    ).toBe("CONFLICT");
    expect(await db.article.count()).toBe(0);
  });
});
