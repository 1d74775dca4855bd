import { xml } from "./xml";

/** One story in a feed, with absolute URLs and its full content as HTML. */
export interface FeedEntry {
  /**
   * The story's permanent identifier (RSS guid, Atom id): never its address, which an editor
   * may change (RFC 4287 §4.2.6: an id must never change, or readers show the story twice).
   */
  id: string;
  /** BCP 47, when the story's language is not the feed's. */
  language?: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date | null;
  authors: { name: string; url: string }[];
  categories: string[];
}

export interface FeedInfo {
  title: string;
  description: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** The feed's own address. */
  selfUrl: string;
  updated: Date | null;
  /** BCP 47 language of the feed. */
  language: string;
  entries: FeedEntry[];
}

/** A story's permanent identifier for feeds: its id as a URN, the same under any address or domain. */
export const storyUrn = (id: string) => `urn:uuid:${id}`;

/** RSS 2.0 with full content (content:encoded), authors (dc:creator) and categories. */
export function rss(feed: FeedInfo): string {
  const items = feed.entries
    .map(
      (e) => `    <item>
      <title>${xml(e.title)}</title>
      <link>${xml(e.url)}</link>
      <guid isPermaLink="false">${xml(e.id)}</guid>
      <pubDate>${e.published.toUTCString()}</pubDate>
      <description>${xml(e.summary)}</description>
${e.authors.map((a) => `      <dc:creator>${xml(a.name)}</dc:creator>`).join("\n")}
${e.categories.map((c) => `      <category>${xml(c)}</category>`).join("\n")}
      <content:encoded>${xml(e.contentHtml)}</content:encoded>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(feed.title)}</title>
    <link>${xml(feed.pageUrl)}</link>
    <description>${xml(feed.description)}</description>
    <language>${xml(feed.language)}</language>
    <atom:link href="${xml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${feed.updated ? `    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>\n` : ""}${items}
  </channel>
</rss>
`;
}

/** Atom 1.0 with full content, authors and categories. */
export function atom(feed: FeedInfo): string {
  const updated = (feed.updated ?? new Date(0)).toISOString();
  const entries = feed.entries
    .map(
      (e) => `  <entry${e.language ? ` xml:lang="${xml(e.language)}"` : ""}>
    <id>${xml(e.id)}</id>
    <title type="text">${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${(e.updated ?? e.published).toISOString()}</updated>
${e.authors.map((a) => `    <author><name>${xml(a.name)}</name><uri>${xml(a.url)}</uri></author>`).join("\n")}
${e.categories.map((c) => `    <category term="${xml(c)}"/>`).join("\n")}
    <summary type="text">${xml(e.summary)}</summary>
    <content type="html">${xml(e.contentHtml)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">
  <id>${xml(feed.selfUrl)}</id>
  <title type="text">${xml(feed.title)}</title>
  <subtitle type="text">${xml(feed.description)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.pageUrl)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
