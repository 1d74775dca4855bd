import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import type { SessionUser } from "@/server/services/users";
import { db, makeDraft, makeUser, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

const base = {
  standfirst: "",
  sectionId: null,
  body: paragraphs(["Text"]),
  heroImageCaption: null,
  heroImageCredit: null,
  heroImageAlt: null,
};
const fail = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );

describe("saving article details", () => {
  it("stores slug, authors in order, tags (creating new ones), SEO fields and target length", async () => {
    const draft = await makeDraft(writer, "Harbour plan");
    await db.tag.create({ data: { slug: "harbour", name: "Harbour" } });
    const caller = await workflowCallerFor(writer);
    await caller.article.update({
      id: draft.id,
      version: draft.version,
      ...base,
      headline: "Harbour plan",
      slug: "harbour-plan-2026",
      authorIds: [editor.id, writer.id],
      tags: ["Harbour", "Cycling", "cycling "],
      seoTitle: "Harbour plan explained",
      seoDescription: "What the council decided.",
      targetWords: 800,
    });
    const saved = await db.article.findUniqueOrThrow({
      where: { id: draft.id },
      include: { authors: { orderBy: { position: "asc" } }, tags: { include: { tag: true } } },
    });
    expect(saved).toMatchObject({
      slug: "harbour-plan-2026",
      seoTitle: "Harbour plan explained",
      seoDescription: "What the council decided.",
      targetWords: 800,
    });
    expect(saved.authors.map((a) => a.userId)).toEqual([editor.id, writer.id]);
    expect(saved.tags.map((t) => t.tag.name).sort()).toEqual(["Cycling", "Harbour"]);
    expect(await db.tag.count()).toBe(2);
  });

  it("a slug another article uses is a CONFLICT on the slug field, and nothing is stored", async () => {
    await makeDraft(writer, "Taken slug");
    const draft = await makeDraft(writer, "Mine");
    const error = await fail(
      (await workflowCallerFor(writer)).article.update({
        id: draft.id,
        version: draft.version,
        ...base,
        headline: "Changed too",
        slug: "taken-slug",
      }),
    );
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toBe("Another article already uses that slug.");
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).headline).toBe("Mine");
  });

  it("the slug is fixed once the article has been published", async () => {
    const article = await articleIn("PUBLISHED", writer, editor);
    const error = await fail(
      (await workflowCallerFor(editor)).article.update({
        id: article.id,
        version: article.version,
        ...base,
        headline: "H",
        slug: "a-new-address",
      }),
    );
    expect(error?.code).toBe("BAD_REQUEST");
    expect(await versionOf(article.id)).toBe(article.version);
  });

  it.each([
    ["an unknown author", { authorIds: ["018f0000-0000-7000-8000-000000000009"] }],
    ["no authors", { authorIds: [] }],
    ["a slug with spaces", { slug: "not a slug" }],
    ["a target of 10 words", { targetWords: 10 }],
    ["a 500-character SEO title", { seoTitle: "x".repeat(500) }],
    ["a 60-character tag", { tags: ["x".repeat(60)] }],
  ])("refuses %s with BAD_REQUEST", async (_label, change) => {
    const draft = await makeDraft(writer, "Stays as it is");
    const error = await fail(
      (await workflowCallerFor(writer)).article.update({
        id: draft.id,
        version: draft.version,
        ...base,
        headline: "Changed",
        ...change,
      }),
    );
    expect(error?.code).toBe("BAD_REQUEST");
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).headline).toBe("Stays as it is");
  });

  it("the hero image must come from the media library", async () => {
    const draft = await makeDraft(writer, "Hero");
    const caller = await workflowCallerFor(writer);
    const error = await fail(
      caller.article.update({
        id: draft.id,
        version: draft.version,
        ...base,
        headline: "Hero",
        heroImageUrl: "/media/not-uploaded.jpg",
      }),
    );
    expect(error?.code).toBe("BAD_REQUEST");
    await db.media.create({
      data: {
        fileName: "in-library.jpg",
        originalName: "x.jpg",
        mimeType: "image/jpeg",
        width: 10,
        height: 10,
        bytes: 100,
        renditions: [],
        alt: "A",
        uploaderId: writer.id,
      },
    });
    await caller.article.update({
      id: draft.id,
      version: draft.version,
      ...base,
      headline: "Hero",
      heroImageUrl: "/media/in-library.jpg",
      heroImageAlt: "A harbour",
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).heroImageUrl).toBe(
      "/media/in-library.jpg",
    );
  });

  it("a deactivated colleague cannot be added as an author", async () => {
    const gone = await makeUser("WRITER", { active: false });
    const draft = await makeDraft(writer, "Bylines");
    const error = await fail(
      (await workflowCallerFor(writer)).article.update({
        id: draft.id,
        version: draft.version,
        ...base,
        headline: "Bylines",
        authorIds: [writer.id, gone.id],
      }),
    );
    expect(error?.code).toBe("BAD_REQUEST");
  });
});

describe("a form save over a version that is no longer the newest", () => {
  const save = (id: string, version: number, text: string) => ({
    id,
    version,
    ...base,
    headline: text,
    body: paragraphs([text]),
  });

  it("goes through after an editor's step or control, and is a conflict after anyone's change to the text", async () => {
    const draft = await makeDraft(writer, "Harbour plan");
    const writerCaller = await workflowCallerFor(writer);
    const editorCaller = await workflowCallerFor(editor);
    const first = await writerCaller.article.update(save(draft.id, draft.version, "First words"));

    // The editor marks the story for legal review: nothing the writer typed is touched, so the
    // writer's next save on the version they had goes through.
    await editorCaller.workflow.setLegalReview({ id: draft.id, version: first.version, required: true });
    const second = await writerCaller.article.update(save(draft.id, first.version, "Second words"));
    expect(second.version).toBe(first.version + 2);
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { headline: true } })).toEqual({
      headline: "Second words",
    });

    // The editor saves text on the newest version; the writer's save on the one before would
    // replace it: a conflict, and nothing changes.
    const edited = await editorCaller.article.update(save(draft.id, second.version, "The editor's words"));
    const refused = await fail(writerCaller.article.update(save(draft.id, second.version, "Third words")));
    expect(refused?.code).toBe("CONFLICT");
    expect(await versionOf(draft.id)).toBe(edited.version);
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { headline: true } })).toEqual({
      headline: "The editor's words",
    });

    // A workflow step still needs the newest version (what the person decided on).
    const stale = await fail(
      editorCaller.workflow.setLegalReview({ id: draft.id, version: second.version, required: false }),
    );
    expect(stale?.code).toBe("CONFLICT");
  });

  it("is a conflict after a restore of an earlier version", async () => {
    const draft = await makeDraft(writer, "Harbour plan");
    const caller = await workflowCallerFor(writer);
    const first = await caller.article.update(save(draft.id, draft.version, "First words"));
    const second = await caller.article.update(save(draft.id, first.version, "Second words"));
    const revisions = await caller.article.revisions({ id: draft.id });
    const earliest = revisions.at(-1);
    if (!earliest) throw new Error("no revisions");
    await caller.article.restore({ id: draft.id, version: second.version, revisionId: earliest.id });
    expect((await fail(caller.article.update(save(draft.id, second.version, "Over the restore"))))?.code).toBe(
      "CONFLICT",
    );
  });
});

describe("a save sent again on an older version, changing nothing", () => {
  const full = (id: string, version: number) => ({
    id,
    version,
    ...base,
    headline: "Harbour plan",
    body: paragraphs(["The council voted."]),
    sectionId: null,
    slug: "harbour-plan",
    authorIds: [writer.id],
    tags: ["Harbour", "Ferries"],
    seoTitle: "",
    seoDescription: "",
    targetWords: null,
  });

  it("is no conflict when its answer was lost: the same version back, nothing written twice", async () => {
    const draft = await makeDraft(writer, "Harbour plan");
    const caller = await workflowCallerFor(writer);
    const first = await caller.article.update(full(draft.id, draft.version));
    const revisions = await db.articleRevision.count({ where: { articleId: draft.id } });
    const row = await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { updatedAt: true } });
    // The same request again (tags in another order and spelling make the same tags).
    const again = await caller.article.update({ ...full(draft.id, draft.version), tags: ["ferries", "Harbour"] });
    expect(again.version).toBe(first.version);
    expect(await versionOf(draft.id)).toBe(first.version);
    expect(await db.articleRevision.count({ where: { articleId: draft.id } })).toBe(revisions);
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { updatedAt: true } })).toEqual(row);
    // Co-edited (details only): the same.
    const details = await caller.article.update({
      id: draft.id,
      version: draft.version,
      sharedText: true,
      sectionId: null,
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
      authorIds: [writer.id],
      tags: ["Harbour", "Ferries"],
    });
    expect(details.version).toBe(first.version);
  });

  it("is still a conflict when any field it carries differs, and still refused to whoever may not edit", async () => {
    const draft = await makeDraft(writer, "Harbour plan");
    const caller = await workflowCallerFor(writer);
    const first = await caller.article.update(full(draft.id, draft.version));
    const changes = [
      { headline: "Harbour plan, revised" },
      { body: paragraphs(["The council voted again."]) },
      { standfirst: "New." },
      { tags: ["Harbour"] },
      { authorIds: [writer.id, editor.id] },
      { seoTitle: "Another title" },
      { targetWords: 600 },
      { heroImageCaption: "A caption" },
    ];
    for (const change of changes) {
      const refused = await fail(caller.article.update({ ...full(draft.id, draft.version), ...change }));
      expect(refused?.code, JSON.stringify(change)).toBe("CONFLICT");
    }
    expect(await versionOf(draft.id)).toBe(first.version);
    // A colleague who cannot read the story learns nothing from an unchanged save either.
    const colleague = await makeUser("WRITER");
    const hidden = await fail((await workflowCallerFor(colleague)).article.update(full(draft.id, draft.version)));
    expect(hidden?.code).toBe("NOT_FOUND");
    // Once the story is with the editors, the writer's unchanged save is refused like any other.
    const story = await articleIn("IN_REVIEW", writer, editor);
    const stale = await versionOf(story.id);
    const inReview = await db.article.findUniqueOrThrow({
      where: { id: story.id },
      select: { headline: true, standfirst: true, body: true, slug: true },
    });
    await db.article.update({ where: { id: story.id }, data: { version: { increment: 1 } } });
    const refused = await fail(
      caller.article.update({
        ...full(story.id, stale),
        headline: inReview.headline,
        standfirst: inReview.standfirst,
        body: inReview.body,
        slug: inReview.slug,
        authorIds: undefined,
        tags: undefined,
        seoTitle: undefined,
        seoDescription: undefined,
        targetWords: undefined,
      }),
    );
    expect(refused?.code).toBe("FORBIDDEN");
  });
});
