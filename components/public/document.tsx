import type { ReactNode } from "react";
import type { Thing, WithContext } from "schema-dts";
import { openGraphLocale, textDirection } from "@/lib/language";
import { shareSize } from "@/lib/share-image";
import { SITE_NAME } from "@/lib/site";
import { JsonLd } from "./json-ld";
import { SiteFooter, SiteHeader, type NavSection } from "./site-chrome";

export interface PageHead {
  title: string;
  description: string;
  /** Site-relative canonical address; null for an error page (404, 410), which has none. */
  path: string | null;
  /** OpenGraph type. */
  type?: "website" | "article";
  image?: { url: string; alt: string; width: number | null; height: number | null } | null;
  /** RSS and Atom feeds of this page, site-relative. */
  feeds?: { title: string; rss: string; atom: string };
  /** Search results and pages like them are not for indexes. */
  noindex?: boolean;
  article?: { publishedTime: Date; modifiedTime: Date | null; section: string | null; tags: string[] };
  jsonLd?: WithContext<Thing>[];
  /** The page's language (BCP 47): a story's own, else the newsroom's. */
  language?: string;
}

/**
 * A whole public page: no script runs on it (the JSON-LD block is data), so the Content
 * Security Policy can forbid scripts entirely. Every value goes through React, so text is text.
 */
export function PublicDocument({
  head,
  siteUrl,
  sections,
  stylesheet,
  query,
  language,
  children,
}: {
  head: PageHead;
  /** The page's language, resolved (head.language or the newsroom's). */
  language: string;
  /** The site's public address without a trailing slash, for canonical and share links. */
  siteUrl: string;
  sections: NavSection[];
  stylesheet: string;
  query?: string;
  children: ReactNode;
}) {
  const title = head.title === SITE_NAME ? SITE_NAME : `${head.title} · ${SITE_NAME}`;
  const canonical = head.path === null ? null : `${siteUrl}${head.path}`;
  // Pages without a picture of their own (home, sections, authors, tags) share the newsroom's card.
  const shared = head.image ?? (canonical ? { url: "/share/16x9", alt: SITE_NAME, ...shareSize("16x9") } : null);
  const image = shared ? `${siteUrl}${shared.url}` : null;
  // The site's own words (navigation, footer) are English: marked so when the page is not.
  const chrome = language.split("-")[0] === "en" ? undefined : "en";
  return (
    <html lang={language} dir={textDirection(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={head.description} />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {head.noindex ? <meta name="robots" content="noindex, follow" /> : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <link rel="alternate" type="application/rss+xml" title={`${SITE_NAME}: latest stories`} href="/feed.xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${SITE_NAME}: latest stories (Atom)`}
          href="/atom.xml"
        />
        {head.feeds ? (
          <>
            <link rel="alternate" type="application/rss+xml" title={head.feeds.title} href={head.feeds.rss} />
            <link
              rel="alternate"
              type="application/atom+xml"
              title={`${head.feeds.title} (Atom)`}
              href={head.feeds.atom}
            />
          </>
        ) : null}
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:locale" content={openGraphLocale(language)} />
        <meta property="og:type" content={head.type ?? "website"} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        {image && shared ? (
          <>
            <meta property="og:image" content={image} />
            <meta property="og:image:alt" content={shared.alt} />
            {shared.width && shared.height ? (
              <>
                <meta property="og:image:width" content={String(shared.width)} />
                <meta property="og:image:height" content={String(shared.height)} />
              </>
            ) : null}
          </>
        ) : null}
        {head.article ? (
          <>
            <meta property="article:published_time" content={head.article.publishedTime.toISOString()} />
            <meta
              property="article:modified_time"
              content={(head.article.modifiedTime ?? head.article.publishedTime).toISOString()}
            />
            {head.article.section ? <meta property="article:section" content={head.article.section} /> : null}
            {head.article.tags.map((tag) => (
              <meta key={tag} property="article:tag" content={tag} />
            ))}
          </>
        ) : null}
        <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={head.description} />
        {image && shared ? (
          <>
            <meta name="twitter:image" content={image} />
            <meta name="twitter:image:alt" content={shared.alt} />
          </>
        ) : null}
        {(head.jsonLd ?? []).map((data, i) => (
          <JsonLd key={i} data={data} />
        ))}
      </head>
      <body className="min-h-screen bg-page font-sans text-ink antialiased">
        <a
          href="#content"
          lang={chrome}
          className="no-print sr-only focus:not-sr-only focus:absolute focus:top-2 focus:start-2 focus:z-50 focus:rounded focus:bg-page focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader sections={sections} query={query} lang={chrome} />
        <main id="content" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter lang={chrome} />
      </body>
    </html>
  );
}
