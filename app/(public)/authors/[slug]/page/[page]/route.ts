import { listingPage } from "../../../../_site/listing";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; page: string }> }) {
  const { slug, page } = await params;
  return listingPage("author", slug, page);
}
