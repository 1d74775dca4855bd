import { slugFeedRoute } from "../../../_site/feeds";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];
export const GET = slugFeedRoute("section", "atom");
