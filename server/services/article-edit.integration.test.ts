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
