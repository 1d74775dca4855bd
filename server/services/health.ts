import type { DbOrTx } from "../db/client";

export interface Health {
  httpStatus: 200 | 503;
  body: { status: "ok" | "error"; database: "reachable" | "unreachable" };
}

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function checkHealth(db: DbOrTx, timeoutMs = 3000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { httpStatus: 200, body: { status: "ok", database: "reachable" } };
  } catch {
    return { httpStatus: 503, body: { status: "error", database: "unreachable" } };
  } finally {
    clearTimeout(timer);
  }
}
