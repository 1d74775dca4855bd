import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentDocument } from "@/lib/content/document";
import { LocalDiskStorage } from "@/server/media/storage";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/server/services/seed";
import { authenticate } from "@/server/services/sign-in";
import { db, makeUser, resetTablesBeforeEach } from "@/tests/db";

resetTablesBeforeEach();

const sampleBody = readFileSync(path.resolve("prisma/seed/sample-article.md"), "utf8").split(/^---$/m)[2] ?? "";
const sampleParagraphs = sampleBody
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

describe("demo seed", () => {
  it("publishes the sample story with every part, adds a draft, and creates the demo accounts", async () => {
    const media = mkdtempSync(path.join(os.tmpdir(), "masthead-media-"));
    expect(await seedDemo(db, new LocalDiskStorage(media))).toBe(true);

    const story = await db.article.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      include: { section: true, tags: { include: { tag: true } }, authors: { include: { user: true } } },
    });
    expect(story.headline).toBe("Russia hosts Syria’s new leadership in an attempt to retain its strategic advantages");
    expect(story.standfirst).toMatch(/^Despite the uncomfortable past/);
    expect(story.section?.name).toBe("World");
    expect(story.tags.map((t) => t.tag.name).sort()).toEqual(["Diplomacy", "Russia", "Syria"]);
    expect(story.heroImageCredit).toBe("AP");
    expect(story.heroImageCaption).toMatch(/^Russian Foreign Minister Sergei Lavrov/);
    expect(story.heroImageAlt).toBeTruthy();
    expect(story.authors[0]?.user.email).toBe("writer@example.com");
    const body = story.body as unknown as ContentDocument;
    const texts = (body.content ?? []).map((node) => (node.content ?? []).map((child) => child.text ?? "").join(""));
    expect(texts).toEqual(sampleParagraphs);
    expect(story.bodyText).toContain("Lavrov");
    const hero = await db.media.findFirstOrThrow();
    expect(story.heroImageUrl).toBe(`/media/${hero.fileName}`);
    expect(hero).toMatchObject({
      originalName: "sample-hero.jpg",
      credit: "AP",
      width: 1600,
      height: 900,
      caption: story.heroImageCaption,
      alt: story.heroImageAlt,
    });
    for (const file of [hero.fileName, `${hero.id}-480.avif`, `${hero.id}-960.webp`])
      expect(existsSync(path.join(media, file))).toBe(true);

    expect(await db.article.count({ where: { status: "DRAFT" } })).toBe(1);
    for (const account of DEMO_ACCOUNTS) {
      await expect(
        authenticate(db, { email: account.email, password: DEMO_PASSWORD, address: null }),
      ).resolves.toMatchObject({ role: account.role });
    }
  });

  it("never runs on a database that already has users", async () => {
    await makeUser("ADMIN");
    expect(await seedDemo(db, new LocalDiskStorage(mkdtempSync(path.join(os.tmpdir(), "masthead-media-"))))).toBe(
      false,
    );
    expect(await db.article.count()).toBe(0);
  });
});
