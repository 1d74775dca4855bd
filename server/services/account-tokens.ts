import { createHash, randomBytes } from "node:crypto";
import type { RoleName } from "@/lib/roles";
import type { Db, DbOrTx } from "../db/client";
import type { AccountTokenKind } from "../db/generated/client";
import { badRequest, conflict } from "../errors";
import { absoluteUrl } from "../site";
import { newPasswordHash } from "./accounts";
import { freeAuthorSlug } from "./users";

// Single-use links: the first admin's set-up, invitations and password resets. The token is 32
// random bytes in the link; the database keeps only its SHA-256, so a copy of the database
// cannot be used to take over an account.

const HOUR = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<AccountTokenKind, number> = {
  SETUP: HOUR,
  INVITATION: 7 * 24 * HOUR,
  PASSWORD_RESET: HOUR,
};

export const LINK_PATHS: Record<AccountTokenKind, string> = {
  SETUP: "/signin/setup",
  INVITATION: "/signin/invitation",
  PASSWORD_RESET: "/signin/reset",
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export async function issue(
  db: DbOrTx,
  kind: AccountTokenKind,
  data: { userId?: string; email?: string; displayName?: string; role?: RoleName; createdById?: string },
  now: Date,
): Promise<{ id: string; link: string }> {
  const token = randomBytes(32).toString("base64url");
  const row = await db.accountToken.create({
    data: { kind, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]), ...data },
    select: { id: true },
  });
  return { id: row.id, link: absoluteUrl(`${LINK_PATHS[kind]}/${token}`) };
}

/** A live token of this kind (not used, revoked or expired), or null. */
export async function findLiveToken(db: DbOrTx, kind: AccountTokenKind, token: string, now: Date = new Date()) {
  if (!isTokenShaped(token)) return null;
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.kind !== kind || row.usedAt || row.revokedAt || row.expiresAt <= now) return null;
  return row;
}

export const EXPIRED = "This link has expired or has already been used. Ask for a new one.";

/** Marks a token used, once: of two requests using it at the same time, one wins. */
export async function useToken(tx: DbOrTx, id: string, now: Date): Promise<void> {
  const { count } = await tx.accountToken.updateMany({
    where: { id, usedAt: null, revokedAt: null },
    data: { usedAt: now },
  });
  if (count !== 1) throw badRequest(EXPIRED);
}

// ---- First run ----

/**
 * On a production start with no accounts at all: a set-up link (1 hour) for the first admin,
 * for the server log only. Null when anyone has an account.
 */
export async function issueSetupLink(db: DbOrTx, now: Date = new Date()): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  await db.accountToken.updateMany({
    where: { kind: "SETUP", usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return (await issue(db, "SETUP", {}, now)).link;
}

/** The first admin chooses their email, name and password through the set-up link. */
export async function completeSetup(
  db: Db,
  input: { token: string; email: string; displayName: string; password: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const token = await findLiveToken(db, "SETUP", input.token, now);
  if (!token) throw badRequest(EXPIRED);
  const passwordHash = await newPasswordHash(input.password, { email: input.email, name: input.displayName });
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw conflict("This newsroom is already set up: sign in instead.");
    await useToken(tx, token.id, now);
    await tx.user.create({
      data: {
        email: input.email,
        displayName: input.displayName,
        slug: await freeAuthorSlug(tx, input.displayName),
        role: "ADMIN",
        passwordHash,
      },
    });
    return { email: input.email };
  });
}
