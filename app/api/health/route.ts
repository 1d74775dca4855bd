import { getDb } from "@/server/db/client";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not (for load balancers and monitors). */
export async function GET() {
  const health = await checkHealth(getDb());
  return Response.json(health.body, { status: health.httpStatus, headers: { "Cache-Control": "no-store" } });
}
