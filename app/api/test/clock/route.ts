import { z } from "zod";
import { advanceServerClock, serverClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";
import { nextPublicCache } from "@/server/public-cache";
import { publishDueAndRefresh } from "@/server/services/scheduler";

// End-to-end tests only (MASTHEAD_TEST_CLOCK=true): read the server's clock, or move it
// forward and run the scheduler once. Without the flag this address does not exist.

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

export function GET() {
  if (!appEnv().MASTHEAD_TEST_CLOCK) return notFound();
  return Response.json({ now: serverClock().toISOString() });
}

const advanceInput = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 24 * 3600 * 1000),
});

export async function POST(request: Request) {
  const env = appEnv();
  if (!env.MASTHEAD_TEST_CLOCK) return notFound();
  const input = advanceInput.safeParse(await request.json().catch(() => null));
  if (!input.success)
    return Response.json({ error: "advanceMs must be a whole number of milliseconds" }, { status: 400 });
  const now = advanceServerClock(input.data.advanceMs);
  const run = await publishDueAndRefresh(getDb(), serverClock, env.MASTHEAD_TIME_ZONE, nextPublicCache);
  return Response.json({ now: now.toISOString(), ...run });
}
