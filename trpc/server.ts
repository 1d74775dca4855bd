import "server-only";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { getCurrentUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";

/**
 * A tRPC caller for server components, for this request's user. It shares the per-request
 * user lookup with the pages, so the user is read from the database once per request.
 */
export const api = cache(async () =>
  createCaller({ db: getDb(), user: await getCurrentUser(), clock: serverClock, timeZone: appEnv().MASTHEAD_TIME_ZONE }),
);
