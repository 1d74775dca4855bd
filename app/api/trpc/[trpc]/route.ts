import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "@/lib/api-limits";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session-token";
import { getDb } from "@/server/db/client";
import { appEnv } from "@/server/env";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { refuseCrossSite } from "@/server/http/same-origin";
import { errorField, log } from "@/server/log";
import { databasePublicCache } from "@/server/public-cache";
import type { NextRequest } from "next/server";

function handler(req: NextRequest) {
  // Mutations are POSTs: one from another site is refused before the session is read.
  const refused = refuseCrossSite(req);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      const session = await readSessionToken(req.cookies);
      return createContext({
        db: getDb(),
        userId: session.userId,
        sessionId: session.sessionId,
        timeZone: appEnv().MASTHEAD_TIME_ZONE,
        publicCache: databasePublicCache(getDb()),
        clientAddress: req.headers.get(CLIENT_ADDRESS_HEADER),
        allowPrivateWebhooks: appEnv().MASTHEAD_WEBHOOKS_ALLOW_PRIVATE,
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        log().error({ procedure: path ?? "?", error: errorField(error.cause ?? error) }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
