import { describe, expect, it } from "vitest";
import { newsArticleData } from "@/components/public/structured-data";
import {
  parseSitemapName,
  sitemap,
  SITEMAP_MAX_BYTES,
  SITEMAP_MAX_URLS,
  SITEMAP_PART_URLS,
} from "@/lib/syndication/sitemaps";
import { DEFAULT_LIMITS } from "@/server/http/front-cache";
import { storyFeedHtml } from "@/lib/syndication/story-html";
import { feedFor } from "@/server/services/public-feeds";
import { getPublishedBySlug } from "@/server/services/public-articles";
import {
  everySitemapEntry,
  hasNewsSitemap,
  newsSitemapEntries,
  sitemapIndexEntries,
  sitemapPartEntries,
} from "@/server/services/public-sitemaps";
import type { SessionUser } from "@/server/services/users";
import { db, FIXED_NOW, makeUser, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

resetTablesBeforeEach();

/**
 * `count` live stories by `author`, the first going live at `from` (UTC) and one every `step`
 * seconds after, with addresses `<prefix>-<n>`; every third tagged `tag-<n % tags>`.
 */
async function seedLive(author: SessionUser, count: number, from: string, step: number, prefix: string, tags = 0) {
  await db.$executeRaw`
    INSERT INTO "Article" (id, slug, headline, body, status, "createdById", "updatedAt", "publishedAt")
    SELECT gen_random_uuid(), ${prefix} || '-' || i, 'Story ' || i, '{"type":"doc","content":[]}'::jsonb,
      'UNPUBLISHED', ${author.id}::uuid, now(), ${from}::timestamp + i * ${step} * interval '1 second'
    FROM generate_series(0, ${count - 1}) AS i`;
  await db.$executeRaw`
    INSERT INTO "ArticleRevision" (id, "articleId", headline, standfirst, body, "bodyText")
    SELECT gen_random_uuid(), id, headline, standfirst, body, "bodyText" FROM "Article"
    WHERE status = 'UNPUBLISHED' AND slug LIKE ${`${prefix}-%`}`;
  await db.$executeRaw`
    UPDATE "Article" a SET status = 'PUBLISHED', "liveRevisionId" = r.id
    FROM "ArticleRevision" r WHERE r."articleId" = a.id AND a.slug LIKE ${`${prefix}-%`}`;
  await db.$executeRaw`
    INSERT INTO "ArticleAuthor" ("articleId", "userId") SELECT id, ${author.id}::uuid FROM "Article" WHERE slug LIKE ${`${prefix}-%`}`;
  if (tags > 0) {
    await db.$executeRaw`
      INSERT INTO "Tag" (id, slug, name) SELECT gen_random_uuid(), 'tag-' || i, 'Tag ' || i FROM generate_series(0, ${tags - 1}) AS i`;
    await db.$executeRaw`
      INSERT INTO "ArticleTag" ("articleId", "tagId")
      SELECT a.id, t.id FROM "Article" a
      JOIN "Tag" t ON t.slug = 'tag-' || (split_part(a.slug, '-', 2)::int % ${tags}::int)
      WHERE a.slug LIKE ${`${prefix}-%`} AND split_part(a.slug, '-', 2)::int % 3 = 0`;
  }
}

describe("the sitemap index", () => {
  it("splits 60,000 stories into children of 10,000 addresses (1 MB: kept by the front server), each story once", async () => {
    const writer = await makeUser("WRITER");
    // 52,000 stories in October 2026 (one a minute less a bit), 8,000 in November.
    await seedLive(writer, 52_000, "2026-10-01 00:00", 51, "oct");
    await seedLive(writer, 8_000, "2026-11-01 00:00", 60, "nov");
    const index = await sitemapIndexEntries(db);
    expect(index.map((c) => c.name)).toEqual([
      "pages.xml",
      "stories-2026-11.xml",
      "stories-2026-10.xml",
      "stories-2026-10-2.xml",
      "stories-2026-10-3.xml",
      "stories-2026-10-4.xml",
      "stories-2026-10-5.xml",
      "stories-2026-10-6.xml",
      "authors.xml",
    ]);
    const seen = new Set<string>();
    for (const child of index) {
      const part = parseSitemapName(child.name);
      if (!part) throw new Error(`unreadable name ${child.name}`);
      const entries = (await sitemapPartEntries(db, part)) ?? [];
      expect(entries.length, child.name).toBeGreaterThan(0);
      expect(entries.length, child.name).toBeLessThanOrEqual(SITEMAP_PART_URLS);
      expect(SITEMAP_PART_URLS).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
      const body = sitemap(
        entries.map((e) => ({ url: `https://news.example${e.path}`, lastModified: e.lastModified })),
      );
      // Within sitemaps.org's 50 MB, and small enough for the front server to keep.
      expect(Buffer.byteLength(body), child.name).toBeLessThanOrEqual(
        Math.min(SITEMAP_MAX_BYTES, DEFAULT_LIMITS.maxBodyBytes),
      );
      // The child's date in the index is its newest address's.
      const newest = Math.max(...entries.map((e) => e.lastModified?.getTime() ?? 0));
      expect(child.lastModified?.getTime(), child.name).toBe(newest);
      for (const e of entries) if (e.path.startsWith("/articles/")) seen.add(e.path);
    }
    expect(seen.size).toBe(60_000);
    expect((await sitemapPartEntries(db, { kind: "stories", month: "2026-10", part: 1 }))?.length).toBe(10_000);
    expect((await sitemapPartEntries(db, { kind: "stories", month: "2026-10", part: 6 }))?.length).toBe(2_000);
    expect(await sitemapPartEntries(db, { kind: "stories", month: "2026-10", part: 7 })).toBeNull();
  }, 120_000);

  it("splits at a small limit: months, authors and tags in parts; nothing past the end", async () => {
    const writer = await makeUser("WRITER");
    const colleague = await makeUser("WRITER");
    await seedLive(writer, 7, "2026-11-02 09:00", 3600, "nov", 9);
    await seedLive(colleague, 2, "2026-09-30 23:30", 60, "sep");
    const index = await sitemapIndexEntries(db, 3);
    expect(index.map((c) => c.name)).toEqual([
      "pages.xml",
      "stories-2026-11.xml",
      "stories-2026-11-2.xml",
      "stories-2026-11-3.xml",
      "stories-2026-09.xml",
      "authors.xml",
      "tags.xml",
    ]);
    // A story at 23:30 and 23:31 UTC on the 30th of September belongs to September.
    expect(
      (await sitemapPartEntries(db, { kind: "stories", month: "2026-09", part: 1 }, 3))?.map((e) => e.path),
    ).toEqual(["/articles/sep-0", "/articles/sep-1"]);
    expect(
      (await sitemapPartEntries(db, { kind: "stories", month: "2026-11", part: 3 }, 3))?.map((e) => e.path),
    ).toEqual(["/articles/nov-6"]);
    // nov-0, nov-3, nov-6 are tagged: tag-0, tag-3, tag-6.
    expect((await sitemapPartEntries(db, { kind: "tags", part: 1 }, 3))?.map((e) => e.path)).toEqual([
      "/tags/tag-0",
      "/tags/tag-3",
      "/tags/tag-6",
    ]);
    expect(await sitemapPartEntries(db, { kind: "tags", part: 2 }, 3)).toBeNull();
    expect(await sitemapPartEntries(db, { kind: "stories", month: "2026-08", part: 1 }, 3)).toBeNull();
    const authors = await sitemapPartEntries(db, { kind: "authors", part: 1 }, 3);
    expect(authors?.map((e) => e.path).sort()).toEqual(
      (await db.user.findMany({ select: { slug: true } })).map((u) => `/authors/${u.slug}`).sort(),
    );
    // The colleague's page dates from their newest story.
    const colleagueSlug = (await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).slug;
    expect(authors?.find((e) => e.path === `/authors/${colleagueSlug}`)?.lastModified).toEqual(
      new Date("2026-09-30T23:31:00Z"),
    );
    const pages = await sitemapPartEntries(db, { kind: "pages" }, 3);
    expect(pages?.[0]).toEqual({ path: "/", lastModified: new Date("2026-11-02T15:00:00Z") });
    expect(await everySitemapEntry(db, 3)).toHaveLength(1 + 9 + 2 + 3);
  });

  it("has only the home page's child with nothing live, and a News sitemap only with recent stories", async () => {
    expect(await sitemapIndexEntries(db)).toEqual([{ name: "pages.xml", lastModified: null }]);
    expect(await hasNewsSitemap(db, FIXED_NOW)).toBe(false);
    const writer = await makeUser("WRITER");
    await seedLive(writer, 1, "2026-11-23 12:00", 60, "old");
    expect(await hasNewsSitemap(db, FIXED_NOW)).toBe(false);
    await seedLive(writer, 1, "2026-11-25 13:00", 60, "recent");
    expect(await hasNewsSitemap(db, FIXED_NOW)).toBe(true);
    expect((await newsSitemapEntries(db, FIXED_NOW)).map((e) => e.path)).toEqual(["/articles/recent-0"]);
  });
});

describe("a correction or a published update", () => {
  it("moves the story's dates everywhere and shows in its feed content; its feed id stays with a new address", async () => {
    const writer = await makeUser("WRITER");
    const editor = await makeUser("EDITOR");
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const before = await getPublishedBySlug(db, story.slug);
    expect(before.contentUpdatedAt).toBeNull();

    const later = new Date(FIXED_NOW.getTime() + 3 * 3600_000);
    const desk = await workflowCallerFor(editor, later);
    await desk.workflow.addCorrection({
      id: story.id,
      version: await versionOf(story.id),
      text: "An earlier version misspelt the mayor's name.",
    });
    const after = await getPublishedBySlug(db, story.slug);
    expect(after.contentUpdatedAt).toEqual(later);
    expect(newsArticleData("https://news.example", after, "", "en").dateModified).toBe(later.toISOString());
    expect((await feedFor(db, { kind: "site" }))?.updated).toEqual(later);
    expect((await everySitemapEntry(db)).find((e) => e.path === `/articles/${story.slug}`)?.lastModified).toEqual(
      later,
    );
    const html = await storyFeedHtml(after, { origin: "https://news.example", timeZone: "UTC" });
    expect(html).toContain("<h2>Corrections</h2>");
    expect(html).toContain("An earlier version misspelt the mayor&#x27;s name.");
    expect(html).not.toMatch(/<link|<!--/);

    // A new address: the story is the same story for feed readers.
    await desk.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: "harbour-vote-result" });
    const moved = await feedFor(db, { kind: "site" });
    expect(moved?.items.map((i) => [i.id, i.slug])).toEqual([[story.id, "harbour-vote-result"]]);
  });
});
