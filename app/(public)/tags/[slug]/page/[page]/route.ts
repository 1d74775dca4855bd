import { listingPageRoute } from "../../../../_site/listing";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];
export const GET = listingPageRoute("tag");
