import { sitemapIndexResponse } from "../_site/feeds";

export const dynamic = "force-static";
export const revalidate = false;

export const GET = () => sitemapIndexResponse();
