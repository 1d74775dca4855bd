import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not (for load balancers and monitors). */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "reachable" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
