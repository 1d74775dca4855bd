import { z } from "zod";
import { serverClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";
import { databasePublicCache } from "@/server/public-cache";
import { publishDueAndRefresh } from "@/server/services/scheduler";

// End-to-end tests only (MASTHEAD_TEST_CLOCK=true): read the server's clock, or run the
// scheduler once as of a given time. The server's own clock never moves, so tests running at the
// same time see real time. Without the flag this address does not exist.

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

export function GET() {
  if (!appEnv().MASTHEAD_TEST_CLOCK) return notFound();
  return Response.json({ now: serverClock().toISOString() });
}

const runInput = z.object({ asOf: z.iso.datetime() });

export async function POST(request: Request) {
  const env = appEnv();
  if (!env.MASTHEAD_TEST_CLOCK) return notFound();
  const input = runInput.safeParse(await request.json().catch(() => null));
  if (!input.success) return Response.json({ error: "asOf must be an ISO 8601 date and time" }, { status: 400 });
  const asOf = new Date(input.data.asOf);
  const run = await publishDueAndRefresh(getDb(), () => asOf, env.MASTHEAD_TIME_ZONE, databasePublicCache(getDb()));
  return Response.json({ asOf: asOf.toISOString(), ...run });
}
