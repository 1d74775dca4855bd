import "server-only";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { getCurrentUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";
import { databasePublicCache, noPublicCache } from "@/server/public-cache";

/**
 * A tRPC caller for server components, for this request's user. It shares the per-request
 * user lookup with the pages, so the user is read from the database once per request.
 */
export const api = cache(async () =>
  createCaller({
    db: getDb(),
    user: await getCurrentUser(),
    clock: serverClock,
    timeZone: appEnv().MASTHEAD_TIME_ZONE,
    publicCache: databasePublicCache(getDb()),
    clientAddress: null,
    // Server components only read; session changes (password, sign-outs) come over HTTP.
    sessionId: null,
    allowPrivateWebhooks: appEnv().MASTHEAD_WEBHOOKS_ALLOW_PRIVATE,
  }),
);

/**
 * A caller for the public site's cached pages: no user (so no cookies are read and the pages
 * stay cacheable) and nothing to refresh (they only read). Uncached pages (search) pass the
 * client's address, for per-address limits.
 */
export const publicApi = (clientAddress: string | null = null) =>
  createCaller({
    db: getDb(),
    user: null,
    clock: serverClock,
    timeZone: appEnv().MASTHEAD_TIME_ZONE,
    publicCache: noPublicCache,
    clientAddress,
    sessionId: null,
    allowPrivateWebhooks: false,
  });
