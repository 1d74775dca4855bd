import { feedResponse } from "../_site/feeds";

export const dynamic = "force-static";
export const revalidate = false;

export const GET = () => feedResponse({ kind: "site" }, "rss");
