import { MAILABLE_ACTIONS, type MailableAction } from "@/lib/mail-preferences";
import { passwordSchema } from "@/lib/schemas/user";
import { hashPassword, verifyPassword, weakPasswordProblem } from "../auth/password";
import type { Db, DbOrTx } from "../db/client";
import { badRequest } from "../errors";
import { endSessions } from "./sessions";

/**
 * A new password's hash, or a 400 naming the field: long enough (schema), not one of the most
 * common, not the person's email or name.
 */
export async function newPasswordHash(
  password: string,
  person: { email?: string; name?: string },
  field = "password",
): Promise<string> {
  const shape = passwordSchema.safeParse(password);
  if (!shape.success) {
    const message = shape.error.issues[0]?.message ?? "Choose another password";
    throw badRequest(message, { [field]: [message] });
  }
  const weak = weakPasswordProblem(password, person);
  if (weak) throw badRequest(weak, { [field]: [weak] });
  return hashPassword(password);
}

/**
 * Changes a signed-in person's own password. The current one is required; every other session
 * of theirs ends (the one asking stays signed in).
 */
export async function changeOwnPassword(
  db: Db,
  user: { id: string },
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, displayName: true, passwordHash: true },
  });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw badRequest("Your current password is not right.", {
      currentPassword: ["Your current password is not right"],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw badRequest("The new password is the same as the current one.", {
      newPassword: ["Choose a different password"],
    });
  }
  const passwordHash = await newPasswordHash(
    input.newPassword,
    { email: row.email, name: row.displayName },
    "newPassword",
  );
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return { endedSessions: await endSessions(tx, user.id, sessionId) };
  });
}

/** "Sign out everywhere": every session of this person ends, the one asking included. */
export async function signOutEverywhere(db: DbOrTx, userId: string): Promise<{ endedSessions: number }> {
  return { endedSessions: await endSessions(db, userId) };
}

/** Which workflow notices this person also gets by email. */
export async function mailPreferences(db: DbOrTx, userId: string): Promise<{ actions: MailableAction[] }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { mailActions: true } });
  const offered = new Set<string>(MAILABLE_ACTIONS.map((item) => item.action));
  return { actions: row.mailActions.filter((action): action is MailableAction => offered.has(action)) };
}

export async function setMailPreferences(
  db: DbOrTx,
  userId: string,
  actions: MailableAction[],
): Promise<{ actions: MailableAction[] }> {
  const unique = [...new Set(actions)];
  await db.user.update({ where: { id: userId }, data: { mailActions: unique } });
  return { actions: unique };
}
