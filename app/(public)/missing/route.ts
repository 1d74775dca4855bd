import { notFoundPage } from "../_site/respond";

// Addresses that can never be a page (see the rewrite in next.config.mjs) and addresses no
// route takes at all (sent here by the web server: server/http/known-addresses.ts) land here:
// a script-free 404 rendered on the spot, so junk addresses never fill the page cache. Any
// method gets it: there is nothing at the address to post to either.
export const dynamic = "force-dynamic";

const notFound = () => notFoundPage();

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
