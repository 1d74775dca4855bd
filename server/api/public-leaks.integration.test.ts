import { parseSitemapName } from "@/lib/syndication/sitemaps";
import { beforeEach, describe, expect, it } from "vitest";
import { STATUS_LABELS, type ArticleStatusName } from "@/lib/article-status";
import { paragraphs } from "@/lib/content/document";
import { setEmbargo } from "@/server/services/editorial";
import type { SessionUser } from "@/server/services/users";
import { jsonDoc, db, env, FIXED_NOW, makeUser, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { apiGet, apiKeyFor } from "@/tests/content-api";
import { articleIn } from "@/tests/workflow-states";

// Every public surface × every state that is not published: none of them may show a word of
// such a story. Each story carries its own marker word in its headline, body and slug; a
// published control story sharing the section, tag and author proves the surfaces do list
// what they should (so the test can fail).

type Hidden = ArticleStatusName | "EMBARGOED" | "WORKING_COPY";
const HIDDEN: Hidden[] = [
  ...(Object.keys(STATUS_LABELS) as ArticleStatusName[]).filter(
    (s): s is Exclude<ArticleStatusName, "PUBLISHED"> => s !== "PUBLISHED",
  ),
  "EMBARGOED",
  "WORKING_COPY",
];
const marker = (state: Hidden) => `zqx${state.toLowerCase().replace(/_/g, "")}`;

let writer: SessionUser;
let apiKey: string;
const slugs = new Map<Hidden, string>();
const ids = new Map<Hidden, string>();
let control: { slug: string };

async function share(articleId: string, marked: string) {
  const section = await db.section.upsert({
    where: { slug: "news" },
    update: {},
    create: { slug: "news", name: "News" },
  });
  const tag = await db.tag.upsert({
    where: { slug: "harbour" },
    update: {},
    create: { slug: "harbour", name: "Harbour" },
  });
  await db.article.update({
    where: { id: articleId },
    data: {
      sectionId: section.id,
      body: jsonDoc(paragraphs([`Body about the harbour ${marked}.`])),
      bodyText: `Body about the harbour ${marked}.`,
      standfirst: `Standfirst ${marked}`,
    },
  });
  await db.articleTag.create({ data: { articleId, tagId: tag.id } });
}

resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  const editor = await makeUser("EDITOR");
  apiKey = await apiKeyFor(await makeUser("ADMIN"));
  const published = await articleIn("PUBLISHED", writer, editor, "Harbour control story zqxcontrol");
  await db.articleTag.create({
    data: {
      articleId: published.id,
      tagId: (
        await db.tag.upsert({ where: { slug: "harbour" }, update: {}, create: { slug: "harbour", name: "Harbour" } })
      ).id,
    },
  });
  control = published;
  for (const state of HIDDEN) {
    const status: ArticleStatusName =
      state === "EMBARGOED" ? "APPROVED" : state === "WORKING_COPY" ? "PUBLISHED" : state;
    if (state === "WORKING_COPY") {
      // Published, then edited: the edits are in the working copy only, not yet live.
      const live = await articleIn(status, writer, editor, `Harbour working copy story`);
      ids.set(state, live.id);
      await db.article.update({
        where: { id: live.id },
        data: {
          headline: `Harbour ${marker(state)} unpublished edit`,
          body: jsonDoc(paragraphs([`Edit ${marker(state)}.`])),
          bodyText: `Edit ${marker(state)}.`,
          hasUnpublishedChanges: true,
        },
      });
      await db.articleTag.create({
        data: { articleId: live.id, tagId: (await db.tag.findUniqueOrThrow({ where: { slug: "harbour" } })).id },
      });
      continue;
    }
    const article = await articleIn(status, writer, editor, `Harbour ${marker(state)} story`);
    await share(article.id, marker(state));
    if (state === "EMBARGOED")
      await setEmbargo(
        db,
        editor,
        {
          articleId: article.id,
          version: await versionOf(article.id),
          until: new Date(FIXED_NOW.getTime() + 86_400_000),
        },
        env(),
      );
    slugs.set(state, article.slug);
    ids.set(state, article.id);
  }
});

/** Everything a reader can reach, as text. */
async function everySurface(query: string) {
  const site = (await workflowCallerFor(null, FIXED_NOW)).site;
  const writerSlug = (await db.user.findUniqueOrThrow({ where: { id: writer.id } })).slug;
  const outputs: Record<string, unknown> = {
    home: await site.home(),
    latest: await site.latest({ page: 1 }),
    sections: await site.sections(),
    section: await site.list({ kind: "section", slug: "news", page: 1 }),
    author: await site.list({ kind: "author", slug: writerSlug, page: 1 }),
    tag: await site.list({ kind: "tag", slug: "harbour", page: 1 }),
    search: await site.search({ q: query, page: 1 }),
    searchHarbour: await site.search({ q: "harbour", page: 1 }),
    feed: await site.feed({ scope: { kind: "site" } }),
    sectionFeed: await site.feed({ scope: { kind: "section", slug: "news" } }),
    authorFeed: await site.feed({ scope: { kind: "author", slug: writerSlug } }),
    sitemap: await Promise.all(
      (await site.sitemapIndex()).map(async ({ name }) => {
        const part = parseSitemapName(name);
        return part ? site.sitemapPart({ part }) : `unreadable sitemap name ${name}`;
      }),
    ),
    newsSitemap: await site.newsSitemap(),
    controlArticle: await site.article({ slug: control.slug }),
  };
  for (const [state, slug] of slugs) outputs[`article:${state}`] = await site.article({ slug });
  // The content API: every list, and each story asked for by id, address and in ninjs.
  const api = async (path: string) => (await apiGet(path, apiKey)).text;
  outputs.apiStories = await api("stories?limit=100");
  outputs.apiSection = await api("stories?section=news&limit=100");
  outputs.apiTag = await api("stories?tag=harbour&limit=100");
  outputs.apiAuthor = await api(`stories?author=${writerSlug}&limit=100`);
  outputs.apiSections = await api("sections");
  outputs.apiAuthors = await api("authors?limit=100");
  outputs.apiTags = await api("tags?limit=100");
  outputs.apiControl = await api(
    `stories/${(await db.article.findUniqueOrThrow({ where: { slug: control.slug } })).id}`,
  );
  for (const [state, id] of ids) {
    outputs[`api:${state}`] = await api(`stories/${id}`);
    outputs[`apiNinjs:${state}`] = await api(`stories/${id}.ninjs.json`);
    const slug = slugs.get(state);
    if (slug) outputs[`apiSlug:${state}`] = await api(`stories/${slug}`);
  }
  return outputs;
}

describe("nothing that is not published reaches a public surface", () => {
  it("the published control story is on every listing surface (so this test can fail)", async () => {
    const out = await everySurface("zqxcontrol");
    for (const key of [
      "home",
      "latest",
      "section",
      "author",
      "tag",
      "search",
      "feed",
      "sectionFeed",
      "authorFeed",
      "sitemap",
      "newsSitemap",
      "controlArticle",
      "apiStories",
      "apiSection",
      "apiTag",
      "apiAuthor",
      "apiControl",
    ]) {
      expect(JSON.stringify(out[key]), key).toContain(control.slug);
    }
  });

  it.each(HIDDEN)("%s: no page, list, feed, sitemap, search result or related story shows it", async (state) => {
    const out = await everySurface(marker(state));
    for (const [surface, value] of Object.entries(out)) {
      const text = JSON.stringify(value);
      expect(text, `${surface} shows the ${state} story`).not.toContain(marker(state));
      const slug = slugs.get(state);
      if (slug) expect(text, `${surface} links the ${state} story`).not.toContain(`"${slug}"`);
    }
    const slug = slugs.get(state);
    if (slug) {
      const answer = out[`article:${state}`] as { kind: string };
      expect(answer.kind).toBe(state === "UNPUBLISHED" ? "gone" : "missing");
    }
  });
});
