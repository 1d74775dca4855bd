import { createHash, randomBytes } from "node:crypto";
import type { RoleName } from "@/lib/roles";
import type { Db, DbOrTx } from "../db/client";
import type { AccountTokenKind } from "../db/generated/client";
import { badRequest, conflict, notFound } from "../errors";
import { queueMail } from "../mail/outbox";
import { absoluteUrl } from "../site";
import { newPasswordHash } from "./accounts";
import { endSessions } from "./sessions";
import { freeAuthorSlug, type SessionUser } from "./users";

// Single-use links: the first admin's set-up, invitations and password resets. The token is 32
// random bytes in the link; the database keeps only its SHA-256, so a copy of the database
// cannot be used to take over an account.

const HOUR = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<AccountTokenKind, number> = {
  SETUP: HOUR,
  INVITATION: 7 * 24 * HOUR,
  PASSWORD_RESET: HOUR,
};
/** A reset asked for again within this time sends no second message (no mail bombing). */
const RESET_RESEND_MS = 2 * 60 * 1000;

export const LINK_PATHS: Record<AccountTokenKind, string> = {
  SETUP: "/signin/setup",
  INVITATION: "/signin/invitation",
  PASSWORD_RESET: "/signin/reset",
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

async function issue(
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

const EXPIRED = "This link has expired or has already been used. Ask for a new one.";

/** Marks a token used, once: of two requests using it at the same time, one wins. */
async function useToken(tx: DbOrTx, id: string, now: Date): Promise<void> {
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

// ---- Invitations ----

function invitationMail(to: string, name: string, inviter: string, link: string) {
  return {
    to,
    kind: "invitation" as const,
    subject: "You are invited to the newsroom on Masthead",
    text: [
      `Hello ${name},`,
      "",
      `${inviter} has invited you to work in the newsroom on Masthead.`,
      "Choose your password here (the link works once, for 7 days):",
      "",
      link,
      "",
      "If you did not expect this, you can ignore this message.",
    ].join("\n"),
  };
}

/** Pending invitations (not used, revoked or expired), newest first. */
export function listInvitations(db: DbOrTx, now: Date = new Date()) {
  return db.accountToken.findMany({
    where: { kind: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, displayName: true, role: true, createdAt: true, expiresAt: true },
  });
}

/** Admins invite people by email: a single-use link where the invitee sets their own password. */
export async function invite(
  db: Db,
  admin: SessionUser,
  input: { email: string; displayName: string; role: RoleName },
  now: Date = new Date(),
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw conflict("Someone already has that email address.", { email: ["Someone already has that email address"] });
    }
    const pending = await tx.accountToken.findFirst({
      where: { kind: "INVITATION", email: input.email, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) {
      throw conflict("That person already has an invitation waiting: resend it instead.", {
        email: ["Already invited: resend the invitation instead"],
      });
    }
    const issued = await issue(tx, "INVITATION", { ...input, createdById: admin.id }, now);
    await queueMail(tx, invitationMail(input.email, input.displayName, admin.displayName, issued.link));
    return { id: issued.id };
  });
}

/** A new link for a pending invitation (the old one stops working) and a new message. */
export async function resendInvitation(db: Db, admin: SessionUser, id: string, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const old = await tx.accountToken.findFirst({
      where: { id, kind: "INVITATION", usedAt: null, revokedAt: null },
    });
    if (!old?.email || !old.displayName || !old.role) throw notFound("That invitation");
    await tx.accountToken.update({ where: { id }, data: { revokedAt: now } });
    const issued = await issue(
      tx,
      "INVITATION",
      { email: old.email, displayName: old.displayName, role: old.role, createdById: admin.id },
      now,
    );
    await queueMail(tx, invitationMail(old.email, old.displayName, admin.displayName, issued.link));
    return { id: issued.id };
  });
}

export async function revokeInvitation(db: DbOrTx, id: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.accountToken.updateMany({
    where: { id, kind: "INVITATION", usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count !== 1) throw notFound("That invitation");
}

/** What the invitation page shows before the invitee chooses a password. */
export async function describeInvitation(db: DbOrTx, token: string, now: Date = new Date()) {
  const row = await findLiveToken(db, "INVITATION", token, now);
  return row ? { email: row.email ?? "", displayName: row.displayName ?? "", role: row.role } : null;
}

/** The invitee sets their password: the account exists from now on, with the invited role. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const token = await findLiveToken(db, "INVITATION", input.token, now);
  if (!token?.email || !token.displayName || !token.role) throw badRequest(EXPIRED);
  const passwordHash = await newPasswordHash(input.password, { email: token.email, name: token.displayName });
  const { email, displayName, role } = token;
  return db.$transaction(async (tx) => {
    await useToken(tx, token.id, now);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw conflict("Someone already has that email address: sign in instead.");
    }
    await tx.user.create({
      data: { email, displayName, slug: await freeAuthorSlug(tx, displayName), role, passwordHash },
    });
    return { email };
  });
}

// ---- Password resets ----

function resetMail(to: string, name: string, link: string, byAdmin: boolean) {
  return {
    to,
    kind: "password-reset" as const,
    subject: "Choose a new Masthead password",
    text: [
      `Hello ${name},`,
      "",
      byAdmin
        ? "An admin of your newsroom has started a password reset for your account."
        : "Someone (we hope you) asked to reset the password of your account.",
      "Choose a new password here (the link works once, for 1 hour):",
      "",
      link,
      "",
      "Choosing a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}

async function startReset(
  tx: DbOrTx,
  user: { id: string; email: string; displayName: string },
  byAdmin: boolean,
  now: Date,
) {
  const issued = await issue(tx, "PASSWORD_RESET", { userId: user.id }, now);
  await queueMail(tx, resetMail(user.email, user.displayName, issued.link, byAdmin));
}

/**
 * "Forgot password?": a reset link by email. The answer is the same whether or not the address
 * has an account; asking again within two minutes sends nothing more.
 */
export async function requestPasswordReset(db: Db, email: string, now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { email, active: true },
      select: { id: true, email: true, displayName: true },
    });
    if (!user) return;
    const recent = await tx.accountToken.findFirst({
      where: { kind: "PASSWORD_RESET", userId: user.id, createdAt: { gt: new Date(now.getTime() - RESET_RESEND_MS) } },
      select: { id: true },
    });
    if (!recent) await startReset(tx, user, false, now);
  });
}

/** Admins start a reset for anyone: the link goes to that person's own email. */
export async function adminStartReset(db: Db, userId: string, now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, displayName: true },
    });
    if (!user) throw notFound("That person");
    await startReset(tx, user, true, now);
  });
}

/** Sets the new password from a reset link; every session of that account ends. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const token = await findLiveToken(db, "PASSWORD_RESET", input.token, now);
  if (!token?.userId) throw badRequest(EXPIRED);
  const user = await db.user.findUniqueOrThrow({
    where: { id: token.userId },
    select: { id: true, email: true, displayName: true, active: true },
  });
  if (!user.active) throw badRequest(EXPIRED);
  const passwordHash = await newPasswordHash(input.password, { email: user.email, name: user.displayName });
  return db.$transaction(async (tx) => {
    await useToken(tx, token.id, now);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // Other reset links for this account stop working, and every session ends.
    await tx.accountToken.updateMany({
      where: { kind: "PASSWORD_RESET", userId: user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await endSessions(tx, user.id);
    return { email: user.email };
  });
}
