import type {
  CollectionPage,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganization,
  WebSite,
  WithContext,
} from "schema-dts";
import { plainText } from "@/lib/content/text";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import type { PublicArticle, PublicLiveBlog } from "@/trpc/types";

/**
 * schema.org markup, typed with schema-dts (the maintained typings of the vocabulary). `siteUrl`
 * is the site's public address without a trailing slash.
 */
export function publisher(siteUrl: string): NewsMediaOrganization {
  return {
    "@type": "NewsMediaOrganization",
    name: SITE_NAME,
    url: `${siteUrl}/`,
    logo: { "@type": "ImageObject", url: `${siteUrl}/logo.png`, width: "600", height: "60" },
  };
}

export function websiteData(siteUrl: string): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: `${siteUrl}/`,
    publisher: publisher(siteUrl),
    potentialAction: {
      "@type": "SearchAction",
      target: `${siteUrl}/search?q={search_term_string}`,
      "query-input": "required name=search_term_string",
    } as WebSite["potentialAction"],
  };
}

export function collectionData(
  siteUrl: string,
  name: string,
  path: string,
  description: string,
): WithContext<CollectionPage> {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name,
    description,
    url: `${siteUrl}${path}`,
    isPartOf: { "@type": "WebSite", name: SITE_NAME, url: `${siteUrl}/` },
  };
}

export function newsArticleData(
  siteUrl: string,
  article: PublicArticle,
  description: string,
  /** The story's language, resolved (its own or the newsroom's). */
  language: string,
): WithContext<NewsArticle> {
  const url = `${siteUrl}/articles/${article.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: url,
    url,
    headline: article.headline,
    description,
    inLanguage: language,
    // Google asks for 16:9, 4:3 and 1:1; a story without a picture offers the newsroom's card.
    image: (["16x9", "4x3", "1x1"] as const).map((ratio) => `${siteUrl}/articles/${article.slug}/image/${ratio}`),
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.contentUpdatedAt ?? article.publishedAt).toISOString(),
    author: article.authors.map((a) => ({
      // An agency credit ("Reuters", "Staff") is an organisation, not a person.
      "@type": a.kind === "AGENCY" ? "Organization" : "Person",
      name: a.displayName,
      url: `${siteUrl}/authors/${a.slug}`,
    })),
    publisher: publisher(siteUrl),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name).join(", ") } : {}),
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((c) => ({
            "@type": "CorrectionComment",
            text: c.text,
            datePublished: c.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

/**
 * A live blog: LiveBlogPosting (Google's live coverage badge) with its latest updates as
 * liveBlogUpdate and its coverage times; the rest as for a story.
 */
export function liveBlogData(
  siteUrl: string,
  article: PublicArticle,
  live: PublicLiveBlog,
  description: string,
  language: string,
): WithContext<LiveBlogPosting> {
  const url = `${siteUrl}/articles/${article.slug}`;
  return {
    ...newsArticleData(siteUrl, article, description, language),
    "@type": "LiveBlogPosting",
    dateModified: (live.updatedAt ?? article.contentUpdatedAt ?? article.publishedAt).toISOString(),
    coverageStartTime: article.publishedAt.toISOString(),
    ...(article.coverageEndedAt ? { coverageEndTime: article.coverageEndedAt.toISOString() } : {}),
    liveBlogUpdate: live.entries.slice(0, 50).map((entry) => ({
      "@type": "BlogPosting",
      url: `${url}#entry-${entry.id}`,
      headline: entry.keyEvent ?? plainText(entry.body).slice(0, 110),
      articleBody: plainText(entry.body),
      datePublished: entry.createdAt.toISOString(),
      dateModified: entry.updatedAt.toISOString(),
      ...(entry.author ? { author: { "@type": "Person", name: entry.author } } : {}),
    })),
  };
}
