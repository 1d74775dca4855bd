import { timingSafeEqual } from "node:crypto";
import { internalToken, nextPublicCache } from "@/server/public-cache";

export const dynamic = "force-dynamic";

/** The server's own scheduler and start-up ask here to refresh the public site (loopback, per-process secret). */
export async function POST(request: Request) {
  const given = Buffer.from(request.headers.get("x-masthead-internal") ?? "");
  const expected = Buffer.from(internalToken());
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return new Response("Not found", { status: 404 });
  await nextPublicCache.invalidate();
  return new Response(null, { status: 204 });
}
