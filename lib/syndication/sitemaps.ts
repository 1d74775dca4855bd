import { xml } from "./xml";

export function sitemap(entries: { url: string; lastModified: Date | null }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${xml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
}

/** Google News sitemap: publication, date and title of each recent story. */
export function newsSitemap(
  publication: { name: string; language: string },
  entries: { url: string; title: string; published: Date; keywords: string[] }[],
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries
  .map(
    (e) => `  <url>
    <loc>${xml(e.url)}</loc>
    <news:news>
      <news:publication><news:name>${xml(publication.name)}</news:name><news:language>${xml(publication.language)}</news:language></news:publication>
      <news:publication_date>${e.published.toISOString()}</news:publication_date>
      <news:title>${xml(e.title)}</news:title>${e.keywords.length > 0 ? `\n      <news:keywords>${xml(e.keywords.join(", "))}</news:keywords>` : ""}
    </news:news>
  </url>`,
  )
  .join("\n")}
</urlset>
`;
}
