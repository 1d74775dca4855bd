import type { RoleName } from "@/lib/roles";
import type { Db, DbOrTx } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { queueMail } from "../mail/outbox";
import { EXPIRED, findLiveToken, issue, useToken } from "./account-tokens";
import { newPasswordHash } from "./accounts";
import { freeAuthorSlug, type SessionUser } from "./users";

// Invitations: admins invite people by email; the invitee chooses their own password.

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
