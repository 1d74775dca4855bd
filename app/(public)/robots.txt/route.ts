import { absoluteUrl } from "@/server/site";

// Names the site's own address, which is only known at run time (not at build).
export const dynamic = "force-dynamic";

/** Crawlers may read the public site, not the newsroom, sign-in or API. */
export function GET() {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /newsroom",
    "Disallow: /api/",
    "Disallow: /signin",
    "Disallow: /search",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    `Sitemap: ${absoluteUrl("/news-sitemap.xml")}`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
