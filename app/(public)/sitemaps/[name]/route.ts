import { sitemapPartResponse } from "../../_site/feeds";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/** A child sitemap of /sitemap.xml (stories-2026-11.xml, pages.xml, authors.xml, tags-2.xml …). */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  return sitemapPartResponse((await params).name);
}
