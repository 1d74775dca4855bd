import { SLUG_PATTERN } from "@/lib/slug";
import { feedResponse } from "../../../_site/feeds";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) return new Response("Not found", { status: 404 });
  return feedResponse({ kind: "section", slug }, "rss");
}
