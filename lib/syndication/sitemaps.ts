import { xml } from "./xml";

/** sitemaps.org's limits for one file: 50,000 addresses and 50 MB (52,428,800 bytes) uncompressed. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 52_428_800;
/**
 * How many addresses Masthead puts in one child: well under the limit, so each child (about
 * 1 MB) fits the front server's memory copy (2 MB a page) and a crawler's repeat requests cost
 * no database work; at 50,000 (5.3 MB) every request would rebuild it (bench/distribution).
 */
export const SITEMAP_PART_URLS = 10_000;

/**
 * The child sitemaps /sitemap.xml (an index) lists, each at /sitemaps/<name>: stories by the
 * month (UTC) they first went live, in parts when a month has more than the limit; the home
 * and section pages; author pages and tag pages, in parts.
 */
export type SitemapPart =
  | { kind: "stories"; month: string; part: number }
  | { kind: "pages" }
  | { kind: "authors"; part: number }
  | { kind: "tags"; part: number };

const PART_NAME = /^(?:stories-(\d{4})-(\d{2})|(pages)|(authors)|(tags))(?:-(\d{1,5}))?\.xml$/;

/** The part a file name names, or null (404) for anything else, including a part 1 written out (one address each). */
export function parseSitemapName(name: string): SitemapPart | null {
  const match = PART_NAME.exec(name);
  if (!match) return null;
  const [, year, month, pages, authors, tags, partText] = match;
  const part = partText === undefined ? 1 : Number(partText);
  if (partText !== undefined && (part < 2 || String(part) !== partText)) return null;
  if (year !== undefined && month !== undefined) {
    const m = Number(month);
    if (m < 1 || m > 12 || Number(year) < 1970) return null;
    return { kind: "stories", month: `${year}-${month}`, part };
  }
  if (pages) return partText === undefined ? { kind: "pages" } : null;
  if (authors) return { kind: "authors", part };
  if (tags) return { kind: "tags", part };
  return null;
}

export function sitemapName(part: SitemapPart): string {
  const suffix = part.kind !== "pages" && part.part > 1 ? `-${part.part}` : "";
  return part.kind === "stories" ? `stories-${part.month}${suffix}.xml` : `${part.kind}${suffix}.xml`;
}

export function sitemapIndex(entries: { url: string; lastModified: Date | null }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <sitemap><loc>${xml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</sitemap>`).join("\n")}
</sitemapindex>
`;
}

export function sitemap(entries: { url: string; lastModified: Date | null }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${xml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
}

/**
 * Google News sitemap: publication, date and title of each recent story, and its language
 * (ISO 639 as Google takes it: lib/language.ts newsLanguage), the publication's by default.
 */
export function newsSitemap(
  publication: { name: string; language: string },
  entries: { url: string; title: string; published: Date; keywords: string[]; language?: string }[],
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries
  .map(
    (e) => `  <url>
    <loc>${xml(e.url)}</loc>
    <news:news>
      <news:publication><news:name>${xml(publication.name)}</news:name><news:language>${xml(e.language ?? publication.language)}</news:language></news:publication>
      <news:publication_date>${e.published.toISOString()}</news:publication_date>
      <news:title>${xml(e.title)}</news:title>${e.keywords.length > 0 ? `\n      <news:keywords>${xml(e.keywords.join(", "))}</news:keywords>` : ""}
    </news:news>
  </url>`,
  )
  .join("\n")}
</urlset>
`;
}
