import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../db/client";

/** How long a sign-in lasts (the session cookie's token lives as long). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Starts a session for a user who just signed in; their expired ones are cleared out. */
export async function createSession(db: DbOrTx, userId: string, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await db.session.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } });
  return id;
}

/** Signing out: this session's token is refused from the next request on. */
export async function endSession(db: DbOrTx, sessionId: string | null | undefined): Promise<void> {
  if (!sessionId || !isSessionId(sessionId)) return;
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Every session of a user ends, but `except` (the one asking, when it stays signed in). */
export async function endSessions(db: DbOrTx, userId: string, except?: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(except && isSessionId(except) ? { id: { not: except } } : {}) },
  });
  return count;
}

export function isSessionId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
