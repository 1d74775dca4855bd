import type { DbOrTx } from "../db/client";
import type { MediaStorage, MediaStoreState } from "../media/storage";

export interface Health {
  httpStatus: 200 | 503;
  body: {
    /** "degraded": readers are served, but something staff need (uploads) is failing. */
    status: "ok" | "degraded" | "error";
    database: "reachable" | "unreachable";
    mediaStore?: MediaStoreState;
  };
}

async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the database answers a trivial query within `timeoutMs` (503 if not), and, given a
 * media store, whether uploads can be written to it: a full or unwritable store leaves the
 * public site up, so it makes the answer "degraded" and not a 503 that would take every
 * instance out of a load balancer at once.
 */
export async function checkHealth(db: DbOrTx, timeoutMs = 3000, media?: MediaStorage): Promise<Health> {
  const [database, mediaStore] = await Promise.all([
    within(db.$queryRaw`SELECT 1`, timeoutMs).then(
      () => "reachable" as const,
      () => "unreachable" as const,
    ),
    media ? within(media.check(), timeoutMs).catch(() => "unavailable" as const) : undefined,
  ]);
  if (database === "unreachable")
    return { httpStatus: 503, body: { status: "error", database, ...(mediaStore && { mediaStore }) } };
  const status = mediaStore === undefined || mediaStore === "ok" ? "ok" : "degraded";
  return { httpStatus: 200, body: { status, database, ...(mediaStore && { mediaStore }) } };
}
