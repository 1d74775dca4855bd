import { cacheState } from "@/server/cache/state";
import { getDb } from "@/server/db/client";
import { readEmbeddedStatus } from "@/server/db/supervise";
import { appEnv } from "@/server/env";
import { mediaStore } from "@/server/media/media-store";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/**
 * Readiness, for load balancers and monitors: 200 when the database answers and the public
 * cache is in step with the other instances (the production server's change channel is
 * connected and caught up); 503 otherwise. A full or unwritable media store is reported
 * ("degraded", mediaStore) without a 503: readers are still served.
 */
export async function GET() {
  const health = await checkHealth(getDb(), 3000, mediaStore());
  const state = cacheState();
  // Under `next dev` nothing is cached, so there is nothing to keep in step.
  const publicSite = state.instanceId === undefined ? "uncached" : state.synced ? "ready" : "catching up";
  const status = health.httpStatus === 200 && publicSite !== "catching up" ? 200 : 503;
  // While the launcher restarts the embedded PostgreSQL, say so.
  const embedded = health.httpStatus === 200 ? null : readEmbeddedStatus(appEnv().MASTHEAD_DATA_DIR);
  const embeddedDatabase = embedded && `${embedded.state} (attempt ${embedded.attempt} of ${embedded.of})`;
  return Response.json(
    { ...health.body, publicSite, ...(embeddedDatabase && { embeddedDatabase }) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
