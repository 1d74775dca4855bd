import { getDb } from "@/server/db/client";
import { publicCacheFresh } from "@/server/public-cache";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers and the public site has been refreshed since start-up; 503
 * otherwise (for load balancers and monitors).
 */
export async function GET() {
  const health = await checkHealth(getDb());
  const publicSite = publicCacheFresh() ? "ready" : "starting";
  const status = health.httpStatus === 200 && publicSite === "ready" ? 200 : 503;
  return Response.json({ ...health.body, publicSite }, { status, headers: { "Cache-Control": "no-store" } });
}
