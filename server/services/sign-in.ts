import { verifyAgainstDummy, verifyPassword } from "../auth/password";
import type { DbOrTx } from "../db/client";
import { DomainError } from "../errors";
import type { SessionUser } from "./users";

export const SIGN_IN_FAILED = "Email or password is incorrect.";

/** Failures allowed in a window before a key is locked, and for how long. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
  lockMs: 5 * 60 * 1000,
} as const;

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60000));
  return `${n} minute${n === 1 ? "" : "s"}`;
}

async function lockedFor(db: DbOrTx, keys: string[], now: Date): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  return Math.max(0, ...rows.map((row) => (row.lockedUntil?.getTime() ?? 0) - now.getTime()));
}

async function recordFailure(db: DbOrTx, key: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  // One statement, so concurrent failures all count.
  await db.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END`;
  await db.signInThrottle.updateMany({
    where: { key, failures: { gte: limit } },
    data: { lockedUntil: new Date(now.getTime() + THROTTLE.lockMs), failures: 0, windowStart: now },
  });
}

/**
 * Checks an email and password. Wrong email, wrong password and deactivated account all give
 * the same message; repeated failures per account and per client address lock sign-in for a
 * while, with a message saying how long.
 */
export async function authenticate(
  db: DbOrTx,
  input: { email: string; password: string; address: string | null },
  now: Date = new Date(),
): Promise<SessionUser> {
  const keys = [`account:${input.email}`, ...(input.address ? [`address:${input.address}`] : [])];
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) {
    throw new DomainError("TOO_MANY_REQUESTS", `Too many failed sign-in attempts. Try again in ${minutes(wait)}.`);
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, displayName: true, role: true, active: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(db, `account:${input.email}`, THROTTLE.perAccount, now);
    if (input.address) await recordFailure(db, `address:${input.address}`, THROTTLE.perAddress, now);
    throw new DomainError("BAD_REQUEST", SIGN_IN_FAILED);
  }
  await db.signInThrottle.deleteMany({ where: { key: `account:${input.email}` } });
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}
