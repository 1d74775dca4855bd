import type { Db, DbOrTx } from "../db/client";
import { badRequest, notFound } from "../errors";
import { queueMail } from "../mail/outbox";
import { EXPIRED, findLiveToken, issue, useToken } from "./account-tokens";
import { newPasswordHash } from "./accounts";
import { endSessions } from "./sessions";

/** A reset asked for again within this time sends no second message (no mail bombing). */
const RESET_RESEND_MS = 2 * 60 * 1000;

// Password resets: "Forgot password?" and admin-started resets, by a one-hour link.

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
