import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { can, type Permission } from "../auth/permissions";
import { serverClock, type Clock } from "../clock";
import type { Db } from "../db/client";
import { noPublicCache, type PublicCache } from "../public-cache";
import { loadSessionUser, type SessionUser } from "../services/users";
import { fieldErrorsOf, isRetryable, toTRPCError } from "./errors";
import { badRequest } from "../errors";
import { findInvalidText } from "@/lib/text-safety";
import { z } from "zod";
import { storyChange, storyFootprint, WHOLE_SITE } from "../cache/tags";

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Injectable so tests control time. */
  clock: Clock;
  /** The newsroom's time zone, for dates entered and shown. */
  timeZone: string;
  /** Refreshed after changes readers can see. */
  publicCache: PublicCache;
  /** The client's address from the front server, for per-address limits; null when not over HTTP. */
  clientAddress: string | null;
  /** The signed-in session (server/services/sessions.ts); null outside HTTP requests. */
  sessionId: string | null;
  /** Webhook endpoints may be on private networks (MASTHEAD_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivateWebhooks: boolean;
}

/** Builds the context from the session's user id; the user is re-read (role, active) every time. */
export async function createContext(opts: {
  db: Db;
  userId: string | null | undefined;
  /** Over HTTP: the session cookie's session id (null when it has none); see loadSessionUser. */
  sessionId?: string | null;
  clock?: Clock;
  timeZone?: string;
  publicCache?: PublicCache;
  clientAddress?: string | null;
  allowPrivateWebhooks?: boolean;
}): Promise<Context> {
  return {
    db: opts.db,
    user: await loadSessionUser(opts.db, opts.userId, opts.sessionId),
    clock: opts.clock ?? serverClock,
    timeZone: opts.timeZone ?? "UTC",
    publicCache: opts.publicCache ?? noPublicCache,
    clientAddress: opts.clientAddress ?? null,
    sessionId: opts.sessionId ?? null,
    allowPrivateWebhooks: opts.allowPrivateWebhooks ?? false,
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, fieldErrors: fieldErrorsOf(error.cause) ?? null, retryable: isRetryable(error.cause) },
    };
  },
});

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Text that PostgreSQL cannot store as sent (a NUL, half a surrogate pair) is refused before
 * any procedure runs, with the field it is in, instead of failing in the database as a 500.
 */
const refuseInvalidText = t.middleware(async ({ getRawInput, next }) => {
  const invalid = findInvalidText(await getRawInput());
  if (invalid) {
    const field = invalid.path.find((part): part is string => typeof part === "string");
    throw badRequest(invalid.message, field ? { [field]: [invalid.message] } : undefined);
  }
  return next();
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors).use(refuseInvalidText);

/** Signed in with an active account. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Signed in, and the user's role grants `permission` in the matrix. */
export function permissionProcedure(permission: Permission) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}

const articleRef = z.object({ id: z.uuid() });

/**
 * After a successful change readers may see to the story named by the input's `id`
 * (publishing, corrections, addresses…), refresh the pages it touched, read before and after
 * the change (an old section's pages as well as the new one's). A takedown is gone from every
 * instance when the procedure returns; other changes are rebuilt while the old copy is served.
 */
export function refreshesPublicSite(kind: "update" | "takedown") {
  return t.middleware(async ({ ctx, next, getRawInput }) => {
    const ref = articleRef.safeParse(await getRawInput());
    const before = ref.success ? await storyFootprint(ctx.db, ref.data.id) : null;
    const result = await next();
    if (result.ok) {
      const after = ref.success ? await storyFootprint(ctx.db, ref.data.id) : null;
      await ctx.publicCache.changed(
        before && after
          ? storyChange([before], [after], kind === "takedown")
          : { ...WHOLE_SITE, takedown: kind === "takedown" },
      );
    }
    return result;
  });
}
