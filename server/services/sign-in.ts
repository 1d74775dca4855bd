import { setTimeout as sleep } from "node:timers/promises";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "../auth/password";
import type { DbOrTx } from "../db/client";
import { DomainError } from "../errors";
import type { SessionUser } from "./users";

export const SIGN_IN_FAILED = "Email or password is incorrect.";

/**
 * Sign-in throttling. Failures are counted in a window per client address (any account) and
 * per address and account together. Past a key's allowance it is locked for a delay that
 * doubles with each further failure, up to a ceiling. Only the failing address is ever
 * locked: the account's owner signing in from elsewhere is never refused. Failures on an
 * account from anywhere only slow its sign-ins down (a short pause before each check).
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  /** Failures for one account from one address before that pair is locked. */
  perPair: 5,
  /** Failures from one address, whatever the accounts, before the address is locked. */
  perAddress: 30,
  firstLockMs: 30 * 1000,
  maxLockMs: 15 * 60 * 1000,
  /** Failures on one account from anywhere before each of its sign-ins pauses. */
  perAccount: 20,
  accountPauseMs: 1000,
} as const;

function wait(ms: number): string {
  if (ms < 60_000) {
    const s = Math.max(1, Math.ceil(ms / 1000));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const n = Math.ceil(ms / 60000);
  return `${n} minute${n === 1 ? "" : "s"}`;
}

/** The lock after `failures` failures against an allowance: none, then doubling from the first lock. */
export function lockMs(failures: number, allowance: number): number {
  if (failures < allowance) return 0;
  return Math.min(THROTTLE.maxLockMs, THROTTLE.firstLockMs * 2 ** Math.min(failures - allowance, 20));
}

/**
 * One read of the throttle rows for an attempt: how long its address keys are still locked, and
 * how many recent failures the account has from anywhere.
 */
async function throttleState(
  db: DbOrTx,
  keys: { account: string; address: string[] },
  now: Date,
): Promise<{ lockedMs: number; accountFailures: number }> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [keys.account, ...keys.address] } } });
  let lockedMs = 0;
  let accountFailures = 0;
  for (const row of rows) {
    if (row.key === keys.account) {
      if (row.windowStart.getTime() >= now.getTime() - THROTTLE.windowMs) accountFailures = row.failures;
    } else if (row.lockedUntil && row.lockedUntil > now) {
      lockedMs = Math.max(lockedMs, row.lockedUntil.getTime() - now.getTime());
    }
  }
  return { lockedMs, accountFailures };
}

/** Counts one failure (one statement, so concurrent failures all count) and sets the lock it earns. */
async function recordFailure(db: DbOrTx, key: string, allowance: number | null, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    RETURNING "failures"`;
  const lock = allowance === null ? 0 : lockMs(rows[0]?.failures ?? 0, allowance);
  if (lock > 0) {
    await db.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lock) } });
  }
}

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address, from the front server; null when unknown (under `next dev`). */
  address: string | null;
}

/**
 * Checks an email and password. Wrong email, wrong password and deactivated account all give
 * the same message. A locked address (or address and account) gets a message saying how long
 * to wait, without its password being checked.
 */
export async function authenticate(
  db: DbOrTx,
  input: SignInAttempt,
  now: Date = new Date(),
  pause: (ms: number) => Promise<unknown> = sleep,
): Promise<SessionUser> {
  const email = input.email.toLowerCase();
  const accountKey = `account:${email}`;
  const addressKeys = input.address ? [`address:${input.address}`, `pair:${input.address}|${email}`] : [];
  const { lockedMs, accountFailures } = await throttleState(db, { account: accountKey, address: addressKeys }, now);
  if (lockedMs > 0) {
    throw new DomainError("TOO_MANY_REQUESTS", `Too many failed sign-in attempts. Try again in ${wait(lockedMs)}.`);
  }
  if (accountFailures >= THROTTLE.perAccount) await pause(THROTTLE.accountPauseMs);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, displayName: true, role: true, active: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(db, accountKey, null, now);
    if (input.address) {
      await recordFailure(db, `address:${input.address}`, THROTTLE.perAddress, now);
      await recordFailure(db, `pair:${input.address}|${email}`, THROTTLE.perPair, now);
    }
    throw new DomainError("BAD_REQUEST", SIGN_IN_FAILED);
  }
  if (input.address) await db.signInThrottle.deleteMany({ where: { key: `pair:${input.address}|${email}` } });
  // A hash made with older settings (or the scrypt of earlier versions) is replaced now that
  // the password is known.
  if (needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}
