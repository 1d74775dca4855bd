import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { SAVE_COALESCE_MS } from "@/server/services/article-edit";
import type { SessionUser } from "@/server/services/users";
import {
  db,
  FIXED_NOW,
  makeDraft,
  makeUser,
  outcome,
  resetTablesBeforeEach,
  versionOf,
  workflowCallerFor,
} from "@/tests/db";
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

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
let clock = 0;
/** Each save lands after the last one folded into a revision, so each is its own version. */
async function save(user: SessionUser, id: string, text: string, headline = "Harbour") {
  clock += SAVE_COALESCE_MS + 1000;
  await (
    await workflowCallerFor(user, at(clock))
  ).article.update({
    id,
    version: await versionOf(id),
    headline,
    standfirst: "",
    sectionId: null,
    body: paragraphs([text]),
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
  });
}
const revisionsOf = (articleId: string) =>
  db.articleRevision.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, bodyText: true },
  });
async function restore(user: SessionUser | null, id: string, revisionId: string) {
  clock += 1000;
  return (await workflowCallerFor(user, at(clock))).article.restore({
    id,
    revisionId,
    version: await versionOf(id),
  });
}
const working = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    select: { headline: true, bodyText: true, hasUnpublishedChanges: true, liveRevisionId: true },
  });

describe("comparing versions", () => {
  it("marks the word that changed between a saved version and the working copy, and the headline change", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "The council met on Monday.", "Harbour vote delayed");
    const [first] = await revisionsOf(draft.id);
    await save(writer, draft.id, "The council met on Tuesday.", "Harbour vote passes");
    const caller = await workflowCallerFor(writer);
    const result = await caller.article.compare({ id: draft.id, from: first?.id ?? "", to: "current" });
    expect(result.body).toEqual([
      {
        kind: "changed",
        splits: 0,
        merges: 0,
        paragraphs: [
          [
            { op: "same", text: "The council met on " },
            { op: "removed", text: "Monday." },
            { op: "added", text: "Tuesday." },
          ],
        ],
      },
    ]);
    expect(result.fields).toEqual([
      {
        field: "Headline",
        kind: "words",
        segments: [
          { op: "same", text: "Harbour vote " },
          { op: "removed", text: "delayed" },
          { op: "added", text: "passes" },
        ],
      },
    ]);
    expect(result.to.kind).toBe("CURRENT");
  });

  it("is refused for a colleague's draft, a version of another article, and malformed references", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "Text.");
    const [rev] = await revisionsOf(draft.id);
    const other = await makeDraft(colleague, "Other");
    const ref = { id: draft.id, from: rev?.id ?? "", to: "current" };
    expect(await outcome((await workflowCallerFor(colleague)).article.compare(ref))).toBe("NOT_FOUND");
    expect(await outcome((await workflowCallerFor(null)).article.compare(ref))).toBe("UNAUTHORIZED");
    expect(await outcome((await workflowCallerFor(colleague)).article.compare({ ...ref, id: other.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome((await workflowCallerFor(writer)).article.compare({ ...ref, from: "yesterday" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome((await workflowCallerFor(editor)).article.compare(ref))).toBe("ok");
  });
});

describe("restoring a version", () => {
  it("makes the old text the working copy as a new save, keeps what it replaced, and can be undone", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "First text.");
    await save(writer, draft.id, "Second text.");
    const [first, second] = await revisionsOf(draft.id);
    await restore(writer, draft.id, first?.id ?? "");
    expect((await working(draft.id)).bodyText).toBe("First text.");
    const after = await revisionsOf(draft.id);
    expect(after.map((r) => [r.kind, r.bodyText])).toEqual([
      ["SAVE", "First text."],
      ["SAVE", "Second text."],
      ["RESTORED", "First text."],
    ]);
    // Undo: restore the text it replaced.
    await restore(writer, draft.id, second?.id ?? "");
    expect((await working(draft.id)).bodyText).toBe("Second text.");
    const events = await db.workflowEvent.findMany({
      where: { articleId: draft.id, action: "RESTORE_VERSION" },
      select: { actorId: true, note: true },
    });
    expect(events).toHaveLength(2);
    expect(events[0]?.note).toMatch(/^The version saved .* by /);
  });

  it("keeps unsaved-as-version text first (a working copy no version holds)", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "Saved text.");
    const [saved] = await revisionsOf(draft.id);
    // Text written straight to the article (an import, an old build): no version holds it.
    await db.article.update({ where: { id: draft.id }, data: { bodyText: "Only here.", headline: "Only here" } });
    await restore(writer, draft.id, saved?.id ?? "");
    const kept = await db.articleRevision.findFirst({ where: { articleId: draft.id, headline: "Only here" } });
    expect(kept?.kind).toBe("SAVE");
  });

  it("on a live story changes the working copy only, and tells the author", async () => {
    const story = await articleIn("PUBLISHED", writer, editor);
    const before = await working(story.id);
    await save(editor, story.id, "An edit after publishing.");
    const [transition] = await revisionsOf(story.id);
    await restore(editor, story.id, transition?.id ?? "");
    const now = await working(story.id);
    expect(now.bodyText).toBe("The council voted seven to two.");
    expect(now.hasUnpublishedChanges).toBe(true);
    expect(now.liveRevisionId).toBe(before.liveRevisionId);
    const notice = await db.notification.findFirst({
      where: { userId: writer.id, action: "RESTORE_VERSION" },
      select: { message: true },
    });
    expect(notice?.message).toMatch(/restored an earlier version of “Story in published”: The version saved/);
  });

  it.each([
    ["writer, own draft", "writer", "DRAFT", "ok"],
    ["writer, own story in review", "writer", "IN_REVIEW", "FORBIDDEN"],
    ["writer, own published story", "writer", "PUBLISHED", "FORBIDDEN"],
    ["writer, a colleague's draft", "colleague", "DRAFT", "NOT_FOUND"],
    ["editor, a draft", "editor", "DRAFT", "ok"],
    ["editor, a story in review", "editor", "IN_REVIEW", "ok"],
    ["editor, a published story", "editor", "PUBLISHED", "ok"],
    ["admin, a published story", "admin", "PUBLISHED", "ok"],
    ["signed out", "nobody", "DRAFT", "UNAUTHORIZED"],
  ] as const)("as %s: %s", async (_label, who, status, expected) => {
    const story = await articleIn(status, writer, editor);
    // A draft has no version until its first save.
    if (status === "DRAFT") await save(writer, story.id, "Saved once.");
    const [rev] = await revisionsOf(story.id);
    const user = { writer, colleague, editor, admin, nobody: null }[who];
    const text = await working(story.id);
    const result = await outcome(restore(user, story.id, rev?.id ?? ""));
    expect(result).toBe(expected);
    if (expected !== "ok") {
      expect(await working(story.id)).toEqual(text);
      expect(await db.workflowEvent.count({ where: { articleId: story.id, action: "RESTORE_VERSION" } })).toBe(0);
    }
  });

  it("refuses a stale page, another article's version and malformed input, changing nothing", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "First.");
    const [rev] = await revisionsOf(draft.id);
    const other = await makeDraft(writer, "Other");
    const caller = await workflowCallerFor(writer);
    const version = await versionOf(draft.id);
    expect(
      await outcome(caller.article.restore({ id: draft.id, revisionId: rev?.id ?? "", version: version - 1 })),
    ).toBe("CONFLICT");
    expect(
      await outcome(
        caller.article.restore({ id: other.id, revisionId: rev?.id ?? "", version: await versionOf(other.id) }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(caller.article.restore({ id: draft.id, revisionId: "nope", version }))).toBe("BAD_REQUEST");
    expect(await versionOf(draft.id)).toBe(version);
  });
});

describe("changes since you approved", () => {
  it("points an editor at the version they approved once the story changed after, and only then", async () => {
    const story = await articleIn("APPROVED", writer, editor);
    const caller = await workflowCallerFor(editor);
    expect(await caller.article.approvedVersion({ id: story.id })).toBeNull();
    await save(editor, story.id, "Changed after approval.");
    const approved = await caller.article.approvedVersion({ id: story.id });
    expect(approved?.revisionId).toBeTruthy();
    const diff = await caller.article.compare({ id: story.id, from: approved?.revisionId ?? "", to: "current" });
    expect(diff.body.map((entry) => entry.kind)).toEqual(["removed", "added"]);
    // Another editor never approved it; a writer cannot ask.
    expect(await (await workflowCallerFor(admin)).article.approvedVersion({ id: story.id })).toBeNull();
    expect(await outcome((await workflowCallerFor(writer)).article.approvedVersion({ id: story.id }))).toBe(
      "FORBIDDEN",
    );
  });
});

describe("the timeline records every kind of change", () => {
  it("creation, steps with notes, legal, embargo, address, pin, correction and restore, with actor", async () => {
    const story = await articleIn("PUBLISHED", writer, editor);
    const desk = await workflowCallerFor(editor);
    const ref = async () => ({ id: story.id, version: await versionOf(story.id) });
    await desk.workflow.setLegalReview({ ...(await ref()), required: true });
    await desk.workflow.signOffLegal({ ...(await ref()), note: "Fine" });
    await desk.article.changeSlug({ ...(await ref()), slug: "harbour-moved" });
    await desk.article.pin({ id: story.id, pinned: true });
    await desk.article.pin({ id: story.id, pinned: false });
    await desk.workflow.addCorrection({ ...(await ref()), text: "An earlier version misspelt the mayor's name." });
    await desk.workflow.unpublish({ ...(await ref()), note: "Legal asked" });
    await desk.workflow.setEmbargo({ ...(await ref()), until: "2026-11-27T09:00" });
    await desk.workflow.setEmbargo({ ...(await ref()), until: null });
    const [rev] = await revisionsOf(story.id);
    await desk.article.restore({ ...(await ref()), revisionId: rev?.id ?? "" });
    const events = await db.workflowEvent.findMany({
      where: { articleId: story.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, note: true, actorId: true },
    });
    const kinds = events.map((e) => e.action);
    expect(kinds[0]).toBe("CREATE");
    expect(events[0]?.actorId).toBe(writer.id);
    for (const kind of [
      "SUBMIT",
      "PUBLISH",
      "LEGAL_REVIEW_REQUIRED",
      "LEGAL_SIGN_OFF",
      "CHANGE_ADDRESS",
      "PIN",
      "UNPIN",
      "CORRECTION",
      "UNPUBLISH",
      "SET_EMBARGO",
      "CLEAR_EMBARGO",
      "RESTORE_VERSION",
    ] as const)
      expect(kinds).toContain(kind);
    const note = (kind: string) => events.find((e) => e.action === kind)?.note;
    expect(note("CHANGE_ADDRESS")).toBe("/articles/story-in-published → /articles/harbour-moved");
    expect(note("CORRECTION")).toBe("An earlier version misspelt the mayor's name.");
    expect(note("SET_EMBARGO")).toBe("Embargoed until 27 Nov 2026, 09:00 UTC");
    expect(note("UNPUBLISH")).toBe("Legal asked");
    expect(
      events.filter((e) => e.action !== "CREATE").every((e) => e.actorId === editor.id || e.actorId === writer.id),
    ).toBe(true);
    // The author hears of the correction, with its text.
    const notices = await db.notification.findMany({
      where: { userId: writer.id },
      select: { action: true, message: true },
    });
    expect(notices.find((n) => n.action === "CORRECTION")?.message).toMatch(/a correction to .*: An earlier version/);
    expect(notices.some((n) => n.action === "PIN" || n.action === "CHANGE_ADDRESS")).toBe(false);
  });
});
