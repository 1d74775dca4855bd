export const dynamic = "force-dynamic";

/** Liveness: the process answers requests. Restart it if this fails; readiness is /api/health. */
export function GET() {
  return Response.json({ status: "alive" }, { headers: { "Cache-Control": "no-store" } });
}
