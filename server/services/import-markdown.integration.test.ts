import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { ContentDocument } from "@/lib/content/document";
import type { SessionUser } from "@/server/services/users";
import { callerFor, db, makeUser, outcome, resetTablesBeforeEach } from "@/tests/db";

const sample = readFileSync(path.resolve("prisma/seed/sample-article.md"), "utf8");

let writer: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
});

describe("importing Markdown", () => {
  it("makes the sample story a draft by the importer, with every field and paragraph", async () => {
    await db.section.create({ data: { slug: "world", name: "World" } });
    const result = await (await callerFor(writer)).article.importMarkdown({ markdown: sample });
    expect(result.warnings).toEqual([
      "The hero image sample-hero.jpg was not imported: images come from the media library.",
    ]);
    const article = await db.article.findUniqueOrThrow({
      where: { id: result.id },
      include: { section: true, tags: { include: { tag: true } }, authors: true },
    });
    expect(article).toMatchObject({
      status: "DRAFT",
      headline: "Russia hosts Syria’s new leadership in an attempt to retain its strategic advantages",
      createdById: writer.id,
    });
    expect(article.standfirst).toMatch(/^Despite the uncomfortable past/);
    expect(article.section?.name).toBe("World");
    expect(article.tags.map((t) => t.tag.name).sort()).toEqual(["Diplomacy", "Russia", "Syria"]);
    expect(article.authors.map((a) => a.userId)).toEqual([writer.id]);
    expect((article.body as unknown as ContentDocument).content).toHaveLength(18);
  });

  it("does not invent sections; it says so instead", async () => {
    const result = await (
      await callerFor(writer)
    ).article.importMarkdown({ markdown: "---\nheadline: A\nsection: Gardening\n---\nText." });
    expect(result.warnings).toEqual(["There is no section called “Gardening”: choose one before publishing."]);
    expect(await db.section.count()).toBe(0);
  });

  it("refuses a file without front matter or headline, and creates nothing", async () => {
    const caller = await callerFor(writer);
    for (const markdown of ["Just text", "---\nstandfirst: x\n---\nBody", "---\nheadline: [broken\n---\n"]) {
      expect(await outcome(caller.article.importMarkdown({ markdown }))).toBe("BAD_REQUEST");
    }
    expect(await db.article.count()).toBe(0);
  });

  it("makes library images figures with the library's details, and reports every image it left out", async () => {
    await db.media.create({
      data: {
        fileName: "harbour-1.jpg",
        originalName: "harbour.jpg",
        mimeType: "image/jpeg",
        width: 1600,
        height: 900,
        bytes: 1000,
        renditions: [],
        caption: "The harbour at dawn",
        credit: "Staff",
        alt: "Boats in the harbour",
        uploaderId: writer.id,
      },
    });
    const result = await (
      await callerFor(writer)
    ).article.importMarkdown({
      markdown:
        "---\nheadline: Pictures\n---\nIntro ![](/media/harbour-1.jpg)\n\n![Gone](/media/not-there.jpg)\n\n![Chart](https://elsewhere.example/c.png)\n\nEnd.",
    });
    expect(result.warnings).toEqual([
      "The image “Chart” (https://elsewhere.example/c.png) was not imported: only images from the media library can be used. Upload it, then insert it from the library.",
      "The image /media/not-there.jpg is not in the media library, so it was not imported.",
    ]);
    const body = (await db.article.findUniqueOrThrow({ where: { id: result.id } })).body as unknown as ContentDocument;
    expect(body.content?.map((n) => n.type)).toEqual(["paragraph", "figure", "paragraph"]);
    expect(body.content?.[1]?.attrs).toEqual({
      src: "/media/harbour-1.jpg",
      alt: "Boats in the harbour",
      caption: "The harbour at dawn",
      credit: "Staff",
      width: 1600,
      height: 900,
    });
  });

  it("refuses nesting deeper than an article allows with a message, and creates nothing", async () => {
    const caller = await callerFor(writer);
    const markdown = `---\nheadline: Deep\n---\n${">".repeat(1000)} deep`;
    const error = await caller.article.importMarkdown({ markdown }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/nests quotes or lists too deeply/),
    });
    expect(await db.article.count()).toBe(0);
  });

  it("takes a hostile body (400 KB of [) as one long paragraph of text", async () => {
    const caller = await callerFor(writer);
    const body = "[".repeat(400_000);
    const result = await caller.article.importMarkdown({ markdown: `---\nheadline: Brackets\n---\n${body}` });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.id } });
    expect(article.bodyText).toBe(body);
  });

  it.each([
    ["signed out", null, "UNAUTHORIZED"],
    ["writer", "WRITER", "ok"],
    ["editor", "EDITOR", "ok"],
    ["admin", "ADMIN", "ok"],
  ] as const)("as %s", async (_label, role, expected) => {
    const user = role ? await makeUser(role) : null;
    expect(
      await outcome((await callerFor(user)).article.importMarkdown({ markdown: "---\nheadline: Hello\n---\nBody." })),
    ).toBe(expected);
  });
});
