import { handleApiRequest } from "@/server/content-api/handler";
import { serverClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";
import { siteUrl } from "@/server/site";

export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const env = appEnv();
  return handleApiRequest(request, (await params).path, {
    db: getDb(),
    now: serverClock(),
    origin: siteUrl(),
    language: env.MASTHEAD_LANGUAGE,
    timeZone: env.MASTHEAD_TIME_ZONE,
  });
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
