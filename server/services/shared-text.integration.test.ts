import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { paragraphs } from "@/lib/content/document";
import { SHARED } from "@/lib/content/shared-doc";
import { openSharedText, storeSharedText } from "@/server/services/shared-text";
import type { SessionUser } from "@/server/services/users";
import { db, env, makeUser, outcome, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { DomainError } from "../errors";

let writer: SessionUser;
let colleague: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  colleague = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

/** A client's copy of the stored shared document. */
async function clientDoc(articleId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await openSharedText(db, articleId));
  return doc;
}

/** What a client sends after typing at the end of the first paragraph. */
function typeInFirstParagraph(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement;
  const node = paragraph.get(0) as Y.XmlText;
  node.insert(node.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const working = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    select: { headline: true, bodyText: true, version: true, hasUnpublishedChanges: true, liveRevisionId: true },
  });

/** The error code a call failed with, for services called directly. */
async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe("the shared document of an article", () => {
  it("stays in step with a save made outside co-editing: a co-editor's later store keeps both", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const coEditor = await clientDoc(story.id);
    // The writer saves through the ordinary form (autosave).
    await (
      await workflowCallerFor(writer)
    ).article.update({
      id: story.id,
      version: await versionOf(story.id),
      headline: "Harbour vote passes",
      standfirst: "What it means.",
      sectionId: null,
      body: paragraphs(["The council voted seven to two.", "A second paragraph from the form."]),
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    // The co-editor, who had the older text, types and their document is stored.
    const update = typeInFirstParagraph(coEditor, " Live addition.");
    await storeSharedText(db, editor, { articleId: story.id, update }, env());
    const now = await db.article.findUniqueOrThrow({
      where: { id: story.id },
      select: { headline: true, bodyText: true },
    });
    expect(now.headline).toBe("Harbour vote passes");
    expect(now.bodyText).toBe("The council voted seven to two. Live addition.\n\nA second paragraph from the form.");
  });

  it("is seeded from the working copy exactly once, however many open it at the same moment", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const states = await Promise.all(Array.from({ length: 6 }, () => openSharedText(db, story.id)));
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { sharedState: true } });
    for (const state of states) expect(Buffer.from(state).equals(Buffer.from(stored.sharedState ?? []))).toBe(true);
    // Merging every copy a client got changes nothing: the text is there once.
    const doc = new Y.Doc();
    for (const state of states) Y.applyUpdate(doc, state);
    expect(doc.getXmlFragment(SHARED.body).length).toBe(1);
    expect(doc.getText(SHARED.headline).toString()).toBe("Story in draft");
    expect((await working(story.id)).version).toBe(story.version);
  });

  it("stores an edit as the working copy with a revision, validated", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const doc = await clientDoc(story.id);
    const update = typeInFirstParagraph(doc, " Then it adjourned.");
    const result = await storeSharedText(db, writer, { articleId: story.id, update }, env());
    expect(result.changed).toBe(true);
    const now = await working(story.id);
    expect(now.bodyText).toBe("The council voted seven to two. Then it adjourned.");
    expect(now.version).toBe(story.version + 1);
    const saves = await db.articleRevision.findMany({ where: { articleId: story.id, kind: "SAVE" } });
    expect(saves.map((r) => r.bodyText)).toEqual(["The council voted seven to two. Then it adjourned."]);
    // Another person's client, merging the stored state, sees the same text.
    const other = await clientDoc(story.id);
    expect(other.getXmlFragment(SHARED.body).toString()).toBe(doc.getXmlFragment(SHARED.body).toString());
  });

  it("keeps a live story's public text until an editor publishes the update", async () => {
    const story = await articleIn("PUBLISHED", writer, editor);
    const before = await working(story.id);
    const update = typeInFirstParagraph(await clientDoc(story.id), " Updated.");
    await storeSharedText(db, editor, { articleId: story.id, update }, env());
    const now = await working(story.id);
    expect(now.hasUnpublishedChanges).toBe(true);
    expect(now.liveRevisionId).toBe(before.liveRevisionId);
  });

  it("refuses a document the schema does not allow, storing nothing", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const doc = await clientDoc(story.id);
    const sv = Y.encodeStateVector(doc);
    doc.getXmlFragment(SHARED.body).insert(1, [new Y.XmlElement("script")]);
    const script = Y.encodeStateAsUpdate(doc, sv);
    const before = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { sharedState: true } });
    expect(await code(storeSharedText(db, writer, { articleId: story.id, update: script }, env()))).toBe("BAD_REQUEST");

    const linked = await clientDoc(story.id);
    const sv2 = Y.encodeStateVector(linked);
    const text = (linked.getXmlFragment(SHARED.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 3, { link: { href: "javascript:alert(1)" } });
    const link = Y.encodeStateAsUpdate(linked, sv2);
    expect(await code(storeSharedText(db, writer, { articleId: story.id, update: link }, env()))).toBe("BAD_REQUEST");

    const long = await clientDoc(story.id);
    const sv3 = Y.encodeStateVector(long);
    long.getText(SHARED.headline).insert(0, "x".repeat(300));
    const headline = Y.encodeStateAsUpdate(long, sv3);
    expect(await code(storeSharedText(db, writer, { articleId: story.id, update: headline }, env()))).toBe(
      "BAD_REQUEST",
    );

    expect(
      await code(storeSharedText(db, writer, { articleId: story.id, update: new Uint8Array([1, 2, 3]) }, env())),
    ).toBe("BAD_REQUEST");
    const after = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { sharedState: true } });
    expect(Buffer.from(after.sharedState ?? []).equals(Buffer.from(before.sharedState ?? []))).toBe(true);
    expect((await working(story.id)).version).toBe(story.version);
  });

  it.each([
    ["the author of a draft", "writer", "DRAFT", "ok"],
    ["the author of a story in review", "writer", "IN_REVIEW", "FORBIDDEN"],
    ["a colleague", "colleague", "DRAFT", "NOT_FOUND"],
    ["an editor, on a story in review", "editor", "IN_REVIEW", "ok"],
    ["an editor, on a published story (editors edit in any state, as when saving)", "editor", "PUBLISHED", "ok"],
  ] as const)("an edit by %s: %s", async (_label, who, status, expected) => {
    const story = await articleIn(status, writer, editor);
    const update = typeInFirstParagraph(await clientDoc(story.id), " More.");
    const user = { writer, colleague, editor }[who];
    expect(await code(storeSharedText(db, user, { articleId: story.id, update }, env()))).toBe(expected);
    if (expected !== "ok") expect((await working(story.id)).bodyText).toBe("The council voted seven to two.");
  });

  it("a body written over the old save path is what the shared document starts from", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    await db.article.update({
      where: { id: story.id },
      data: { body: paragraphs(["Typed before co-editing."]) as object, bodyText: "Typed before co-editing." },
    });
    const doc = await clientDoc(story.id);
    expect(doc.getXmlFragment(SHARED.body).toString()).toContain("Typed before co-editing.");
  });
});

describe("saving the other fields while the text is co-edited", () => {
  const details = (id: string, version: number, tags: string[]) => ({
    id,
    version,
    sharedText: true as const,
    sectionId: null,
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
    tags,
  });

  it("is not a conflict with co-edited text stored since, leaves the text alone, and conflicts with another details save", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const seen = await versionOf(story.id);
    // Co-editors type; their text is stored twice (the version moves on).
    const doc = await clientDoc(story.id);
    await storeSharedText(db, editor, { articleId: story.id, update: typeInFirstParagraph(doc, " One.") }, env());
    await storeSharedText(db, writer, { articleId: story.id, update: typeInFirstParagraph(doc, " Two.") }, env());
    const writerCaller = await workflowCallerFor(writer);
    const saved = await writerCaller.article.update(details(story.id, seen, ["harbour"]));
    expect(saved.version).toBe(seen + 3);
    const after = await db.article.findUniqueOrThrow({
      where: { id: story.id },
      select: { bodyText: true, tags: { select: { tag: { select: { name: true } } } } },
    });
    expect(after.bodyText).toContain("One. Two.");
    expect(after.tags.map((t) => t.tag.name)).toEqual(["harbour"]);
    // The newest version holds the text as stored: a revision of exactly that.
    const revision = await db.articleRevision.findFirstOrThrow({
      where: { articleId: story.id },
      orderBy: { createdAt: "desc" },
      select: { bodyText: true },
    });
    expect(revision.bodyText).toContain("One. Two.");
    // Someone else's details save since the version the editor saw is a conflict, as ever.
    const editorCaller = await workflowCallerFor(editor);
    expect(await outcome(editorCaller.article.update(details(story.id, seen + 2, ["ferry"])))).toBe("CONFLICT");
    // So is a whole save (the text included) over co-edited text the sender had not seen.
    await storeSharedText(db, editor, { articleId: story.id, update: typeInFirstParagraph(doc, " Three.") }, env());
    expect(
      await outcome(
        writerCaller.article.update({
          ...details(story.id, saved.version, ["harbour"]),
          sharedText: false,
          headline: "Old text",
          standfirst: "",
          body: paragraphs(["Old text."]),
        }),
      ),
    ).toBe("CONFLICT");
  });

  it("refuses the text with it (it travels through the shared document) and changes nothing", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const before = await working(story.id);
    const caller = await workflowCallerFor(writer);
    expect(
      await outcome(caller.article.update({ ...details(story.id, before.version, []), headline: "Sneaked" } as never)),
    ).toBe("BAD_REQUEST");
    expect(await working(story.id)).toEqual(before);
  });
});

describe("the shared text the workspace starts from", () => {
  it("is given to who may edit, once seeded; refused to everyone else", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const state = await (await workflowCallerFor(writer)).article.sharedText({ id: story.id });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(state, "base64")));
    expect(doc.getText(SHARED.headline).toString()).toBe("Story in draft");
    // The same document for the editor (seeded once, not twice).
    expect(await (await workflowCallerFor(editor)).article.sharedText({ id: story.id })).toBe(state);
    expect(await outcome((await workflowCallerFor(colleague)).article.sharedText({ id: story.id }))).toBe("NOT_FOUND");
    expect(await outcome((await workflowCallerFor(null)).article.sharedText({ id: story.id }))).toBe("UNAUTHORIZED");
    const inReview = await articleIn("IN_REVIEW", writer, editor);
    expect(await outcome((await workflowCallerFor(writer)).article.sharedText({ id: inReview.id }))).toBe("FORBIDDEN");
  });
});
