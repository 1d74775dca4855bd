import { SLUG_PATTERN } from "@/lib/slug";
import { atom, rss, storyUrn, type FeedInfo } from "@/lib/syndication/feeds";
import { storyFeedHtml } from "@/lib/syndication/story-html";
import { newsLanguage } from "@/lib/language";
import { plainText } from "@/lib/content/text";
import { appEnv } from "@/server/env";
import { newsSitemap, parseSitemapName, sitemap, sitemapIndex } from "@/lib/syndication/sitemaps";
import type { FeedScope } from "@/server/services/public-feeds";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import { absoluteUrl } from "@/server/site";
import { tags } from "@/server/cache/tags";
import { publicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { movedTo } from "./listing";
import { buildPlaceholder, isBuildPhase, notFoundPage } from "./respond";

const XML_HEADERS = { "X-Content-Type-Options": "nosniff" };

async function loadFeed(scope: FeedScope, format: "rss" | "atom"): Promise<FeedInfo | null> {
  const feed = await publicApi().site.feed({ scope });
  if (!feed) return null;
  const base = scope.kind === "site" ? "" : feed.path;
  const { MASTHEAD_TIME_ZONE: timeZone, MASTHEAD_LANGUAGE: language } = appEnv();
  return {
    title: scope.kind === "site" ? SITE_NAME : `${SITE_NAME}: ${feed.title}`,
    description: scope.kind === "site" ? SITE_DESCRIPTION : feed.title,
    pageUrl: absoluteUrl(feed.path),
    selfUrl: absoluteUrl(`${base}/${format === "rss" ? "feed" : "atom"}.xml`),
    updated: feed.updated,
    language,
    entries: await Promise.all(
      feed.items.map(async (article) => ({
        id: storyUrn(article.id),
        ...(article.language && article.language !== language ? { language: article.language } : {}),
        url: absoluteUrl(`/articles/${article.slug}`),
        title: article.headline,
        summary: article.standfirst,
        contentHtml: await storyFeedHtml(article, { origin: absoluteUrl("/"), timeZone }),
        published: article.publishedAt,
        updated: article.contentUpdatedAt,
        authors: article.authors.map((a) => ({ name: a.displayName, url: absoluteUrl(`/authors/${a.slug}`) })),
        categories: [...(article.section ? [article.section.name] : []), ...article.tags.map((t) => t.name)],
      })),
    ),
  };
}

/** RSS or Atom for the site, a section or an author; 404 for an unknown one. */
export function feedResponse(scope: FeedScope, format: "rss" | "atom"): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender((page) => {
    page.add(scope.kind === "site" ? tags.feed : tags[scope.kind](scope.slug));
    return buildFeed(scope, format);
  });
}

async function buildFeed(scope: FeedScope, format: "rss" | "atom"): Promise<Response> {
  const feed = await loadFeed(scope, format);
  if (!feed) {
    // A merged contributor's feed leads to the other's: feed readers follow a 301 and keep it.
    const moved = scope.kind === "author" ? await movedTo("author", scope.slug) : null;
    if (moved)
      return new Response(null, {
        status: 301,
        headers: { Location: `/authors/${moved}/${format === "rss" ? "feed" : "atom"}.xml` },
      });
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(format === "rss" ? rss(feed) : atom(feed), {
    headers: { "Content-Type": `application/${format === "rss" ? "rss" : "atom"}+xml; charset=utf-8`, ...XML_HEADERS },
  });
}

/** The GET handler of /sections/<slug>/feed.xml and its siblings. */
export function slugFeedRoute(kind: "section" | "author", format: "rss" | "atom") {
  return async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    if (!SLUG_PATTERN.test(slug) || slug.length > 120) return new Response("Not found", { status: 404 });
    return feedResponse({ kind, slug }, format);
  };
}

/** /sitemap.xml: the index of the child sitemaps. */
export function sitemapIndexResponse(): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender(async (page) => {
    page.add(tags.sitemap);
    const children = await publicApi().site.sitemapIndex();
    const body = sitemapIndex(
      children.map((c) => ({ url: absoluteUrl(`/sitemaps/${c.name}`), lastModified: c.lastModified })),
    );
    return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", ...XML_HEADERS } });
  });
}

/** /sitemaps/<name>: one child sitemap; 404 for a name that is not one, or one with nothing in it. */
export function sitemapPartResponse(name: string): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender(async (page) => {
    page.add(tags.sitemap);
    const part = parseSitemapName(name);
    const entries = part ? await publicApi().site.sitemapPart({ part }) : null;
    if (!entries) return notFoundPage();
    const body = sitemap(entries.map((e) => ({ url: absoluteUrl(e.path), lastModified: e.lastModified })));
    return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", ...XML_HEADERS } });
  });
}

/**
 * /news-sitemap.xml: stories of the last 48 hours. With none, 404: the schema has no empty
 * News sitemap, and robots.txt does not name it then (app/(public)/robots.txt).
 */
export function newsSitemapResponse(): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender(async (page) => {
    page.add(tags.sitemap);
    const entries = await publicApi().site.newsSitemap();
    if (entries.length === 0) return notFoundPage();
    const body = newsSitemap(
      { name: SITE_NAME, language: newsLanguage(appEnv().MASTHEAD_LANGUAGE) },
      entries.map((e) => ({
        ...(e.language ? { language: newsLanguage(e.language) } : {}),
        url: absoluteUrl(e.path),
        title: e.headline,
        published: e.publishedAt,
        keywords: e.keywords,
      })),
    );
    return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", ...XML_HEADERS } });
  });
}

/** A live blog's own Atom feed: its latest entries, each a feed entry; 404 for anything but a live blog. */
export function liveBlogFeedResponse(slug: string): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender(async (page) => {
    // A new entry refreshes this feed with the live blog's page, and nothing else.
    page.add(tags.article(slug));
    const notFound = () =>
      new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    if (!SLUG_PATTERN.test(slug) || slug.length > 120) return notFound();
    const found = await publicApi().site.article({ slug });
    if (found.kind !== "live" || !found.live) return notFound();
    const { article, live } = found;
    const { MASTHEAD_TIME_ZONE: timeZone, MASTHEAD_LANGUAGE: language } = appEnv();
    const pageUrl = absoluteUrl(`/articles/${article.slug}`);
    const feed: FeedInfo = {
      title: `${SITE_NAME}: ${article.headline}`,
      description: article.standfirst || article.headline,
      pageUrl,
      selfUrl: absoluteUrl(`/articles/${article.slug}/live.atom`),
      updated: live.updatedAt ?? article.publishedAt,
      language: article.language ?? language,
      entries: await Promise.all(
        live.entries.slice(0, 50).map(async (entry) => {
          const text = plainText(entry.body);
          return {
            id: storyUrn(entry.id),
            url: `${pageUrl}#entry-${entry.id}`,
            title: entry.keyEvent ?? (text.length > 100 ? `${text.slice(0, 99)}…` : text),
            summary: text.slice(0, 300),
            contentHtml: await storyFeedHtml(
              { hero: null, body: entry.body, corrections: [] },
              { origin: absoluteUrl("/"), timeZone },
            ),
            published: entry.createdAt,
            updated: entry.updatedAt,
            authors: entry.author ? [{ name: entry.author, url: pageUrl }] : [],
            categories: entry.keyEvent ? ["Key event"] : [],
          };
        }),
      ),
    };
    return new Response(atom(feed), {
      headers: { "Content-Type": "application/atom+xml; charset=utf-8", ...XML_HEADERS },
    });
  });
}
