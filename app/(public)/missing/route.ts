import { notFoundPage } from "../_site/respond";

// Addresses that can never be a page (see the rewrite in next.config.mjs) land here: a 404
// rendered on the spot, so junk addresses never fill the page cache.
export const dynamic = "force-dynamic";

export const GET = () => notFoundPage();
