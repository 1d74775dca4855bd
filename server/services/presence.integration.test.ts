import { beforeEach, describe, expect, it } from "vitest";
import { PRESENCE_WINDOW_MS } from "@/server/services/presence";
import type { SessionUser } from "@/server/services/users";
import { db, FIXED_NOW, makeDraft, makeUser, outcome, resetTablesBeforeEach, workflowCallerFor } from "@/tests/db";

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

describe("also editing", () => {
  it("each sees the other while both have the article open, and not after they leave or go quiet", async () => {
    const draft = await makeDraft(writer, "Harbour");
    expect(await (await workflowCallerFor(writer)).article.heartbeat({ id: draft.id })).toEqual([]);
    expect(await (await workflowCallerFor(editor)).article.heartbeat({ id: draft.id })).toEqual([
      { id: writer.id, displayName: writer.displayName },
    ]);
    expect(await (await workflowCallerFor(writer)).article.heartbeat({ id: draft.id })).toEqual([
      { id: editor.id, displayName: editor.displayName },
    ]);

    const later = new Date(FIXED_NOW.getTime() + PRESENCE_WINDOW_MS + 1000);
    expect(await (await workflowCallerFor(writer, later)).article.heartbeat({ id: draft.id })).toEqual([]);

    await (await workflowCallerFor(editor)).article.heartbeat({ id: draft.id });
    await (await workflowCallerFor(editor)).article.leave({ id: draft.id });
    expect(await (await workflowCallerFor(writer)).article.heartbeat({ id: draft.id })).toEqual([]);
  });

  it.each([
    ["signed out", "none", "UNAUTHORIZED"],
    ["another writer", "otherWriter", "NOT_FOUND"],
    ["an editor", "editor", "ok"],
  ] as const)("as %s", async (_label, who, expected) => {
    const draft = await makeDraft(writer, "Harbour");
    const user = who === "none" ? null : who === "editor" ? editor : await makeUser("WRITER");
    expect(await outcome((await workflowCallerFor(user)).article.heartbeat({ id: draft.id }))).toBe(expected);
  });
});

describe("the article's pulse", () => {
  it("gives the version now, as every viewer sees it", async () => {
    const draft = await makeDraft(writer, "Harbour");
    expect(await (await workflowCallerFor(writer)).article.pulse({ id: draft.id })).toEqual({ version: draft.version });
    // Any change moves the version on (a save, a step, the scheduler).
    await db.article.update({ where: { id: draft.id }, data: { version: { increment: 1 } } });
    expect(await (await workflowCallerFor(editor)).article.pulse({ id: draft.id })).toEqual({
      version: draft.version + 1,
    });
  });
});
