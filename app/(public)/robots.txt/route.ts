import { absoluteUrl } from "@/server/site";
import { publicApi } from "@/trpc/server";

// Names the site's own address, which is only known at run time (not at build).
export const dynamic = "force-dynamic";

/**
 * Crawlers may read the public site, not the newsroom, sign-in or API. The News sitemap is
 * named only while it has a story (an empty one is not valid).
 */
export async function GET() {
  const news = await publicApi().site.hasNewsSitemap();
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /newsroom",
    "Disallow: /api/",
    "Disallow: /signin",
    "Disallow: /search",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    ...(news ? [`Sitemap: ${absoluteUrl("/news-sitemap.xml")}`] : []),
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
