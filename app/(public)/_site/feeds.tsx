import { prerender } from "react-dom/static.edge";
import { renderDocument } from "@/lib/content/render";
import { SLUG_PATTERN } from "@/lib/slug";
import { atom, rss, type FeedInfo } from "@/lib/syndication/feeds";
import { newsSitemap, sitemap } from "@/lib/syndication/sitemaps";
import type { FeedScope } from "@/server/services/public-feeds";
import type { PublicArticle } from "@/server/services/public-articles";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import { absoluteUrl } from "@/server/site";
import { tags } from "@/server/cache/tags";
import { publicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase } from "./respond";

const XML_HEADERS = { "X-Content-Type-Options": "nosniff" };

/** The story's full content as HTML for feed readers: hero figure and body, rendered by the same renderer as the page. */
async function contentHtml(article: PublicArticle): Promise<string> {
  const { prelude } = await prerender(
    <>
      {article.hero ? (
        <figure>
          <img src={absoluteUrl(article.hero.url)} alt={article.hero.alt} />
          <figcaption>
            {article.hero.caption}
            {article.hero.credit ? ` Photo: ${article.hero.credit}` : ""}
          </figcaption>
        </figure>
      ) : null}
      {renderDocument(article.body)}
    </>,
  );
  // Images in bodies are site-relative; feed readers need absolute addresses.
  return (await new Response(prelude).text())
    .replace(/(src|srcSet|srcset)="\/media\//g, `$1="${absoluteUrl("/media/")}`)
    .replace(/ (\d+w), \/media\//g, ` $1, ${absoluteUrl("/media/")}`);
}

async function loadFeed(scope: FeedScope, format: "rss" | "atom"): Promise<FeedInfo | null> {
  const feed = await publicApi().site.feed({ scope });
  if (!feed) return null;
  const base = scope.kind === "site" ? "" : feed.path;
  return {
    title: scope.kind === "site" ? SITE_NAME : `${SITE_NAME}: ${feed.title}`,
    description: scope.kind === "site" ? SITE_DESCRIPTION : feed.title,
    pageUrl: absoluteUrl(feed.path),
    selfUrl: absoluteUrl(`${base}/${format === "rss" ? "feed" : "atom"}.xml`),
    updated: feed.updated,
    entries: await Promise.all(
      feed.items.map(async (article) => ({
        url: absoluteUrl(`/articles/${article.slug}`),
        title: article.headline,
        summary: article.standfirst,
        contentHtml: await contentHtml(article),
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
  if (!feed)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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

export function sitemapResponse(): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender((page) => {
    page.add(tags.sitemap);
    return buildSitemap();
  });
}

async function buildSitemap(): Promise<Response> {
  const entries = await publicApi().site.sitemap();
  return new Response(sitemap(entries.map((e) => ({ url: absoluteUrl(e.path), lastModified: e.lastModified }))), {
    headers: { "Content-Type": "application/xml; charset=utf-8", ...XML_HEADERS },
  });
}

export function newsSitemapResponse(): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender((page) => {
    page.add(tags.sitemap);
    return buildNewsSitemap();
  });
}

async function buildNewsSitemap(): Promise<Response> {
  const entries = await publicApi().site.newsSitemap();
  return new Response(
    newsSitemap(
      { name: SITE_NAME, language: "en" },
      entries.map((e) => ({
        url: absoluteUrl(e.path),
        title: e.headline,
        published: e.publishedAt,
        keywords: e.keywords,
      })),
    ),
    { headers: { "Content-Type": "application/xml; charset=utf-8", ...XML_HEADERS } },
  );
}
