import { suggestChanges, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ContentDocument } from "@/lib/content/document";
import { readSharedDoc, SHARED, writeSharedDoc } from "@/lib/content/shared-doc";
import { listSuggestions, newSuggestionId } from "@/lib/content/suggestions";
import { contentSchema } from "@/lib/content/validate";
import { openSharedText, storeSharedText } from "@/server/services/shared-text";
import type { SessionUser } from "@/server/services/users";
import { db, env, makeUser, outcome, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

// Suggestions are made in the shared document (as the editor's Suggesting mode makes them) and
// decided through tRPC: the stored text, the shared document, the timeline and the publish
// gate follow. The body of every story here is "The council voted seven to two."

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

const call = (user: SessionUser | null) => workflowCallerFor(user);

/** `by` makes `edit` in Suggesting mode on the stored text and their browser stores it. */
async function suggest(articleId: string, by: SessionUser, edit: (state: EditorState) => Transaction) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await openSharedText(db, articleId));
  const read = readSharedDoc(doc);
  if (!read.ok) throw new Error(read.error);
  const state = EditorState.create({
    schema: contentSchema(),
    doc: contentSchema().nodeFromJSON(read.body.document),
    plugins: [suggestChanges()],
  });
  const next = state.apply(transformToSuggestionTransaction(edit(state), state, () => newSuggestionId(by.id)));
  const before = Y.encodeStateVector(doc);
  writeSharedDoc(doc, { headline: read.headline, standfirst: read.standfirst, body: next.doc.toJSON() });
  await storeSharedText(db, by, { articleId, update: Y.encodeStateAsUpdate(doc, before) }, env());
}

/** Where `text` starts in the body (first paragraph). */
const at = (state: EditorState, text: string) => state.doc.textContent.indexOf(text) + 1;
const replace = (word: string, by: string) => (s: EditorState) =>
  s.tr.insertText(by, at(s, word), at(s, word) + word.length);
const remove = (text: string) => (s: EditorState) => s.tr.delete(at(s, text), at(s, text) + text.length);

async function stored(articleId: string) {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { bodyText: true, body: true, sharedState: true },
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(article.sharedState ?? new Uint8Array()));
  const shared = readSharedDoc(doc);
  return {
    text: article.bodyText,
    open: listSuggestions(article.body as never),
    sharedText: shared.ok ? shared.body.text : shared.error,
    sharedSuggestions: shared.ok ? listSuggestions(shared.body.document).length : -1,
  };
}

describe("suggestions", () => {
  it("an editor suggests, the writer accepts one and rejects the other; the timeline says who", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    await suggest(story.id, editor, replace("council", "committee"));
    await suggest(story.id, editor, remove(" to two"));
    const before = await stored(story.id);
    expect(before.open.map((s) => [s.authorId, s.deleted, s.inserted])).toEqual([
      [editor.id, "council", "committee"],
      [editor.id, " to two", ""],
    ]);
    // The working copy keeps the suggestions, marked.
    expect(before.text).toBe("The councilcommittee voted seven to two.");

    const revisions = await db.articleRevision.count({ where: { articleId: story.id } });
    const accepted = await (
      await call(writer)
    ).article.decideSuggestions({ id: story.id, decision: "accept", suggestions: [before.open[0]!.id] });
    expect(accepted.decided).toBe(1);
    await (
      await call(writer)
    ).article.decideSuggestions({ id: story.id, decision: "reject", suggestions: [before.open[1]!.id] });

    const after = await stored(story.id);
    expect(after.text).toBe("The committee voted seven to two.");
    expect(after.open).toEqual([]);
    // The shared document everyone edits holds the same text, without the marks.
    expect(after.sharedText).toBe("The committee voted seven to two.");
    expect(after.sharedSuggestions).toBe(0);
    expect(await db.articleRevision.count({ where: { articleId: story.id } })).toBeGreaterThanOrEqual(revisions);
    const events = await db.workflowEvent.findMany({
      where: { articleId: story.id, action: { in: ["SUGGESTIONS_ACCEPTED", "SUGGESTIONS_REJECTED"] } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, note: true },
    });
    expect(events).toEqual([
      {
        action: "SUGGESTIONS_ACCEPTED",
        actorId: writer.id,
        note: `1 suggestion by ${editor.displayName}: “council” → “committee”`,
      },
      { action: "SUGGESTIONS_REJECTED", actorId: writer.id, note: `1 suggestion by ${editor.displayName}: − “to two”` },
    ]);
  });

  it("accept all gives the text as typed, reject all the original", async () => {
    const a = await articleIn("DRAFT", writer, editor);
    const b = await articleIn("DRAFT", writer, editor);
    for (const story of [a, b]) {
      await suggest(story.id, editor, replace("council", "city council"));
      await suggest(story.id, writer, remove(" to two"));
    }
    await (await call(editor)).article.decideSuggestions({ id: a.id, decision: "accept", suggestions: "all" });
    await (await call(editor)).article.decideSuggestions({ id: b.id, decision: "reject", suggestions: "all" });
    expect((await stored(a.id)).text).toBe("The city council voted seven.");
    expect((await stored(b.id)).text).toBe("The council voted seven to two.");
    const note = await db.workflowEvent.findFirstOrThrow({
      where: { articleId: a.id, action: "SUGGESTIONS_ACCEPTED" },
      select: { note: true },
    });
    expect(note.note).toContain(`2 suggestions by ${editor.displayName}, ${writer.displayName}`);
  });

  it("who may decide: whoever may edit; nothing changes when refused", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    await suggest(story.id, editor, replace("seven", "eight"));
    const decide = async (user: SessionUser | null) =>
      outcome((await call(user)).article.decideSuggestions({ id: story.id, decision: "accept", suggestions: "all" }));
    expect(await decide(null)).toBe("UNAUTHORIZED");
    expect(await decide(colleague)).toBe("NOT_FOUND");
    const inReview = await articleIn("IN_REVIEW", writer, editor);
    expect(
      await outcome(
        (await call(writer)).article.decideSuggestions({ id: inReview.id, decision: "accept", suggestions: "all" }),
      ),
    ).toBe("FORBIDDEN"); // in review: the writer may not change the text
    await suggest(inReview.id, editor, replace("seven", "six"));
    expect(
      await outcome(
        (await call(writer)).article.decideSuggestions({ id: inReview.id, decision: "accept", suggestions: "all" }),
      ),
    ).toBe("FORBIDDEN");
    expect((await stored(story.id)).open).toHaveLength(1);
    expect((await stored(inReview.id)).open).toHaveLength(1);
    // A stale or unknown id, a malformed one.
    const caller = await call(editor);
    const stale = `${editor.id}:${(0).toString(36)}:abc`;
    expect(
      await outcome(caller.article.decideSuggestions({ id: story.id, decision: "accept", suggestions: [stale] })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(caller.article.decideSuggestions({ id: story.id, decision: "accept", suggestions: ["1"] })),
    ).toBe("BAD_REQUEST");
    expect((await stored(story.id)).open).toHaveLength(1);
    expect(await decide(admin)).toBe("ok");
    expect(await decide(editor)).toBe("BAD_REQUEST"); // none open any more
  });
});

describe("the publish gate", () => {
  it("refuses to publish while suggestions are open, saying how many", async () => {
    const story = await articleIn("APPROVED", writer, editor);
    await suggest(story.id, editor, replace("seven", "eight"));
    await suggest(story.id, editor, replace("council", "city council"));
    const caller = await call(editor);
    await expect(caller.workflow.publish({ id: story.id, version: await versionOf(story.id) })).rejects.toThrow(
      "a decision on 2 open suggestions",
    );
    const schedule = caller.workflow.schedule({
      id: story.id,
      version: await versionOf(story.id),
      scheduledFor: "2026-11-27T09:00",
    });
    expect(await outcome(schedule)).toBe("BAD_REQUEST");
    await caller.article.decideSuggestions({ id: story.id, decision: "accept", suggestions: "all" });
    expect(await outcome(caller.workflow.publish({ id: story.id, version: await versionOf(story.id) }))).toBe("ok");
    const live = await db.article.findUniqueOrThrow({
      where: { id: story.id },
      select: { liveRevision: { select: { body: true } } },
    });
    expect(JSON.stringify(live.liveRevision?.body)).toContain("The city council voted eight to two.");
  });

  it("holds publishing for unresolved comments only when an editor chooses so", async () => {
    const story = await articleIn("APPROVED", writer, editor);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await openSharedText(db, story.id));
    const text = (doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const place = (index: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
    const thread = await (
      await call(writer)
    ).comment.open({
      articleId: story.id,
      anchorStart: place(4),
      anchorEnd: place(11),
      quote: "council",
      body: "Which council?",
      mentions: [],
    });
    // A writer cannot set the hold.
    expect(
      await outcome(
        (await call(writer)).workflow.setHoldForComments({
          id: story.id,
          version: await versionOf(story.id),
          hold: true,
        }),
      ),
    ).toBe("FORBIDDEN");
    const caller = await call(editor);
    await caller.workflow.setHoldForComments({ id: story.id, version: await versionOf(story.id), hold: true });
    await expect(caller.workflow.publish({ id: story.id, version: await versionOf(story.id) })).rejects.toThrow(
      "1 comment thread resolved",
    );
    await caller.comment.resolve({ threadId: thread.id, resolved: true });
    expect(await outcome(caller.workflow.publish({ id: story.id, version: await versionOf(story.id) }))).toBe("ok");
    const actions = await db.workflowEvent.findMany({
      where: { articleId: story.id, action: { in: ["HOLD_FOR_COMMENTS", "HOLD_FOR_COMMENTS_LIFTED"] } },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([{ action: "HOLD_FOR_COMMENTS", actorId: editor.id }]);
  });
});

describe("suggestions saved through the form (no co-editing connection)", () => {
  it("may keep someone else's suggestions but add them only in one's own name", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    await suggest(story.id, editor, replace("seven", "eight"));
    const row = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { body: true, version: true } });
    const body = row.body as unknown as ContentDocument;
    const save = async (user: SessionUser, document: ContentDocument) =>
      outcome(
        (await call(user)).article.update({
          id: story.id,
          version: await versionOf(story.id),
          headline: "Story in draft",
          standfirst: "What the decision means.",
          sectionId: null,
          body: document,
          heroImageCaption: null,
          heroImageCredit: null,
          heroImageAlt: null,
        }),
      );
    // The editor's suggestion kept as it is: fine.
    expect(await save(writer, body)).toBe("ok");
    // A new one in the editor's name, made by the writer: refused, nothing saved.
    const forged = (who: string): ContentDocument => ({
      type: "doc",
      content: [
        ...(body.content ?? []),
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Added.", marks: [{ type: "insertion", attrs: { id: newSuggestionId(who) } }] },
          ],
        },
      ],
    });
    expect(await save(writer, forged(editor.id))).toBe("BAD_REQUEST");
    expect((await stored(story.id)).text).not.toContain("Added.");
    expect(await save(writer, forged(writer.id))).toBe("ok");
    expect((await stored(story.id)).open.map((s) => s.authorId)).toEqual([editor.id, writer.id]);
  });
});
