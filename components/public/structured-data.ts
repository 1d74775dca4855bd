import type { CollectionPage, NewsArticle, NewsMediaOrganization, WebSite, WithContext } from "schema-dts";
import type { PublicArticle } from "@/server/services/public-articles";
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from "@/server/site";

/** schema.org markup, typed with schema-dts (the maintained typings of the vocabulary). */
export function publisher(): NewsMediaOrganization {
  return {
    "@type": "NewsMediaOrganization",
    name: SITE_NAME,
    url: absoluteUrl("/"),
    logo: { "@type": "ImageObject", url: absoluteUrl("/logo.png"), width: "600", height: "60" },
  };
}

export function websiteData(): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl("/"),
    publisher: publisher(),
    potentialAction: { "@type": "SearchAction", target: `${absoluteUrl("/search")}?q={search_term_string}`, "query-input": "required name=search_term_string" } as WebSite["potentialAction"],
  };
}

export function collectionData(name: string, path: string, description: string): WithContext<CollectionPage> {
  return { "@context": "https://schema.org", "@type": "CollectionPage", name, description, url: absoluteUrl(path), isPartOf: { "@type": "WebSite", name: SITE_NAME, url: absoluteUrl("/") } };
}

export function newsArticleData(article: PublicArticle, description: string): WithContext<NewsArticle> {
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: url,
    url,
    headline: article.headline,
    description,
    ...(article.hero ? { image: [absoluteUrl(`/articles/${article.slug}/image`)] } : {}),
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.contentUpdatedAt ?? article.publishedAt).toISOString(),
    author: article.authors.map((a) => ({ "@type": "Person", name: a.displayName, url: absoluteUrl(`/authors/${a.slug}`) })),
    publisher: publisher(),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name).join(", ") } : {}),
    ...(article.corrections.length > 0
      ? { correction: article.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: c.createdAt.toISOString() })) }
      : {}),
  };
}
