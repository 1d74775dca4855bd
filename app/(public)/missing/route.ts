import { publicRender } from "@/server/public-cache";
import { buildPlaceholder, isBuildPhase, notFoundPage } from "../_site/respond";

// Addresses that can never be a page (see the rewrites in next.config.mjs) and addresses no
// route takes at all land here: the web server sends them all to this one address
// (server/http/known-addresses.ts), so the script-free 404 is built once and kept in its
// front cache like any public page. A flood of junk addresses is answered from memory, and
// adds one copy, not one per address. (GET only: a route handler with other methods is never
// cached. Those go to ./other-methods.)
export const dynamic = "force-static";
export const revalidate = false;

export function GET() {
  if (isBuildPhase()) return buildPlaceholder();
  return publicRender(() => notFoundPage());
}
