import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/services/users";
import { db, makeUser, outcome, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let colleague: SessionUser;
let editor: SessionUser;
let admin: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  colleague = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  admin = await makeUser("ADMIN");
});

describe("writers reading their colleagues' stories", () => {
  it("on by default: a writer opens a colleague's story and finds it in the list, with no way to change it", async () => {
    const theirs = await articleIn("IN_REVIEW", colleague, editor, "The colleague's scoop");
    const mine = await articleIn("DRAFT", writer, editor, "My own draft");
    const me = await workflowCallerFor(writer);

    const view = await me.article.get({ id: theirs.id });
    expect(view).toMatchObject({
      headline: "The colleague's scoop",
      colleague: true,
      canEdit: false,
      allowedActions: [],
    });
    expect((await me.article.preview({ id: theirs.id })).headline).toBe("The colleague's scoop");
    expect((await me.article.get({ id: mine.id })).colleague).toBe(false);
    const listed = (await me.article.list({})).articles.map((a) => a.headline);
    expect(listed).toEqual(expect.arrayContaining(["The colleague's scoop", "My own draft"]));

    // Reading only: no edit, comment, suggestion, co-editing, history or workflow step reaches it.
    const version = await versionOf(theirs.id);
    const attempts: (() => Promise<unknown>)[] = [
      () =>
        me.article.update({
          id: theirs.id,
          version,
          sharedText: true,
          sectionId: null,
          heroImageCaption: null,
          heroImageCredit: null,
          heroImageAlt: null,
        }),
      () => me.article.sharedText({ id: theirs.id }),
      () => me.article.revisions({ id: theirs.id }),
      () => me.article.heartbeat({ id: theirs.id }),
      () => me.article.decideSuggestions({ id: theirs.id, decision: "accept", suggestions: "all" }),
      () => me.comment.threads({ articleId: theirs.id }),
      () => me.workflow.withdraw({ id: theirs.id, version }),
    ];
    for (const attempt of attempts) expect(await outcome(attempt())).toBe("NOT_FOUND");
    expect(await versionOf(theirs.id)).toBe(version);
  });

  it("off: a colleague's story is not found and the list shows the writer's own; editors still see everything", async () => {
    const theirs = await articleIn("DRAFT", colleague, editor, "The colleague's scoop");
    await articleIn("DRAFT", writer, editor, "My own draft");
    await (await workflowCallerFor(admin)).settings.update({ colleaguesCanRead: false });
    const me = await workflowCallerFor(writer);
    expect(await me.settings.get()).toEqual({ colleaguesCanRead: false });
    expect(await outcome(me.article.get({ id: theirs.id }))).toBe("NOT_FOUND");
    expect(await outcome(me.article.preview({ id: theirs.id }))).toBe("NOT_FOUND");
    expect((await me.article.list({})).articles.map((a) => a.headline)).toEqual(["My own draft"]);
    const asEditor = await workflowCallerFor(editor);
    expect((await asEditor.article.get({ id: theirs.id })).colleague).toBe(false);
    expect((await asEditor.article.list({})).articles).toHaveLength(2);
    expect(await outcome(me.settings.update({ colleaguesCanRead: true }))).toBe("FORBIDDEN");
    const asAdmin = await workflowCallerFor(admin);
    expect(
      await outcome(asAdmin.settings.update({ colleaguesCanRead: "yes" } as unknown as { colleaguesCanRead: boolean })),
    ).toBe("BAD_REQUEST");
    expect((await db.newsroomSettings.findUniqueOrThrow({ where: { id: 1 } })).colleaguesCanRead).toBe(false);
  });
});
