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
