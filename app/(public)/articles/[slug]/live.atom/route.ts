import { liveBlogFeedResponse } from "../../../_site/feeds";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/** A live blog's Atom feed of its entries (404 for a story or anything else). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return liveBlogFeedResponse((await params).slug);
}
