import { getDb } from "@/server/db/client";
import { readEmbeddedStatus } from "@/server/db/supervise";
import { appEnv } from "@/server/env";
import { mediaStore } from "@/server/media/media-store";
import { publicCacheFresh } from "@/server/public-cache";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers and the public site has been refreshed since start-up; 503
 * otherwise (for load balancers and monitors). A full or unwritable media store is reported
 * ("degraded", mediaStore) without a 503: readers are still served.
 */
export async function GET() {
  const health = await checkHealth(getDb(), 3000, mediaStore());
  const publicSite = publicCacheFresh() ? "ready" : "starting";
  const status = health.httpStatus === 200 && publicSite === "ready" ? 200 : 503;
  // While the launcher restarts the embedded PostgreSQL, say so.
  const embedded = health.httpStatus === 200 ? null : readEmbeddedStatus(appEnv().MASTHEAD_DATA_DIR);
  const embeddedDatabase = embedded && `${embedded.state} (attempt ${embedded.attempt} of ${embedded.of})`;
  return Response.json(
    { ...health.body, publicSite, ...(embeddedDatabase && { embeddedDatabase }) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
