import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SHARED } from "@/lib/content/shared-doc";
import { openSharedText } from "@/server/services/shared-text";
import type { SessionUser } from "@/server/services/users";
import { db, makeUser, outcome, resetTablesBeforeEach, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let colleague: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  colleague = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

/** A place in the story's first paragraph, as the browser sends it. */
async function anchors(articleId: string, from: number, to: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await openSharedText(db, articleId));
  const text = (doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const at = (index: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
  return { anchorStart: at(from), anchorEnd: at(to) };
}

const call = (user: SessionUser | null) => workflowCallerFor(user);

describe("comment threads", () => {
  it("a writer comments mentioning an editor, who is told and replies; the timeline records it", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    await db.user.update({ where: { id: editor.id }, data: { mailActions: ["MENTION"] } });
    const thread = await (
      await call(writer)
    ).comment.open({
      articleId: story.id,
      ...(await anchors(story.id, 4, 11)),
      quote: "council",
      body: "Is this the full name of the council?",
      mentions: [editor.id],
    });
    expect(thread.comments[0]?.body).toBe("Is this the full name of the council?");
    const notice = await db.notification.findFirstOrThrow({ where: { userId: editor.id, action: "MENTION" } });
    expect(notice.message).toContain("mentioned you in a comment");
    expect(notice.message).toContain("Is this the full name of the council?");
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: editor.email } });
    expect(mail.text).toContain(`/newsroom/articles/${story.id}`);
    // The writer is not told about their own mention of someone else.
    expect(await db.notification.count({ where: { userId: writer.id, action: "MENTION" } })).toBe(0);

    await (await call(editor)).comment.reply({ threadId: thread.id, body: "Yes, add “City”.", mentions: [writer.id] });
    expect(await db.notification.count({ where: { userId: writer.id, action: "MENTION" } })).toBe(1);
    // No mail for the writer: they did not ask for it.
    expect(await db.outgoingMail.count({ where: { to: writer.email } })).toBe(0);

    const threads = await (await call(writer)).comment.threads({ articleId: story.id });
    expect(threads).toHaveLength(1);
    expect(threads[0]?.comments.map((c) => c.author.displayName)).toEqual([writer.displayName, editor.displayName]);
    const events = await db.workflowEvent.findMany({ where: { articleId: story.id, action: "COMMENT_OPENED" } });
    expect(events.map((e) => e.note)).toEqual(["On “council”"]);
  });

  it("nobody who cannot read the story sees or adds comments; nothing is written when refused", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const place = await anchors(story.id, 0, 5);
    const thread = await (
      await call(writer)
    ).comment.open({ articleId: story.id, ...place, quote: "The c", body: "First.", mentions: [] });
    const before = await db.comment.count();
    expect(await outcome((await call(colleague)).comment.threads({ articleId: story.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(
        (await call(colleague)).comment.open({ articleId: story.id, ...place, quote: "x", body: "Mine", mentions: [] }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome((await call(colleague)).comment.reply({ threadId: thread.id, body: "Hi", mentions: [] })),
    ).toBe("NOT_FOUND");
    expect(await outcome((await call(null)).comment.threads({ articleId: story.id }))).toBe("UNAUTHORIZED");
    // A mention of someone who cannot open the story, a broken place in the text, an empty comment.
    expect(
      await outcome(
        (await call(writer)).comment.reply({ threadId: thread.id, body: "Look", mentions: [colleague.id] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        (await call(writer)).comment.open({
          articleId: story.id,
          anchorStart: "AAAA",
          anchorEnd: "AAAA",
          quote: "x",
          body: "Broken",
          mentions: [],
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await outcome((await call(writer)).comment.reply({ threadId: thread.id, body: "   ", mentions: [] }))).toBe(
      "BAD_REQUEST",
    );
    expect(await db.comment.count()).toBe(before);
  });

  it("only a comment's author changes or deletes it; the opener or an editor resolves and reopens", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const thread = await (
      await call(editor)
    ).comment.open({
      articleId: story.id,
      ...(await anchors(story.id, 0, 3)),
      quote: "The",
      body: "Cut this?",
      mentions: [],
    });
    const commentId = thread.comments[0]?.id ?? "";
    expect(await outcome((await call(writer)).comment.edit({ commentId, body: "Forged", mentions: [] }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome((await call(writer)).comment.delete({ commentId }))).toBe("FORBIDDEN");
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe("Cut this?");
    await (await call(editor)).comment.edit({ commentId, body: "Cut this word?", mentions: [] });
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).editedAt).not.toBeNull();

    // The writer did not open the thread and is not an editor.
    expect(await outcome((await call(writer)).comment.resolve({ threadId: thread.id, resolved: true }))).toBe(
      "FORBIDDEN",
    );
    await (await call(editor)).comment.resolve({ threadId: thread.id, resolved: true });
    const resolved = await db.commentThread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(resolved.resolvedById).toBe(editor.id);
    await (await call(editor)).comment.resolve({ threadId: thread.id, resolved: false });
    const actions = await db.workflowEvent.findMany({
      where: { articleId: story.id, action: { in: ["COMMENT_OPENED", "COMMENT_RESOLVED"] } },
      orderBy: { createdAt: "asc" },
      select: { action: true, note: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["COMMENT_OPENED", "COMMENT_RESOLVED", "COMMENT_OPENED"]);

    await (await call(editor)).comment.delete({ commentId });
    const deleted = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(deleted.body).toBeNull();
    expect(deleted.deletedAt).not.toBeNull();
  });

  it("a story in review can still be commented on by its author, who may read it", async () => {
    const story = await articleIn("IN_REVIEW", writer, editor);
    await (
      await call(writer)
    ).comment.open({
      articleId: story.id,
      ...(await anchors(story.id, 0, 3)),
      quote: "The",
      body: "Note for the desk.",
      mentions: [editor.id],
    });
    expect(await db.notification.count({ where: { userId: editor.id, action: "MENTION" } })).toBe(1);
  });
});
