import type { DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Tries before a message is marked failed; graphile-worker waits about e^n seconds between them. */
export const MAIL_MAX_ATTEMPTS = 8;
export const SEND_MAIL_TASK = "send_mail";

/**
 * The SQL call that queues the send job of the outbox row whose id is `id` (a SQL uuid
 * expression), for use inside the statement or transaction that writes the row.
 */
export function addMailJob(id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_job(${SEND_MAIL_TASK}, json_build_object('id', ${id}::text),
    max_attempts := ${MAIL_MAX_ATTEMPTS}::int, job_key := 'mail:' || ${id}::text)`;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  kind: "invitation" | "password-reset" | "notification";
}

/** Whether mail goes out: an SMTP server is set (MASTHEAD_SMTP_URL). */
export function mailEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.MASTHEAD_SMTP_URL);
}

/**
 * Writes a message to the outbox and, when mail is enabled, queues the job that sends it, in
 * the caller's transaction: the message and its job exist together or not at all. Without an
 * SMTP server the message stays in the outbox (NOT_SENT) for admins to read.
 */
export async function queueMail(db: DbOrTx, message: MailMessage, enabled = mailEnabled()): Promise<string> {
  const row = await db.outgoingMail.create({
    data: { ...message, status: enabled ? "QUEUED" : "NOT_SENT" },
    select: { id: true },
  });
  if (enabled) {
    await db.$executeRaw`SELECT ${addMailJob(Prisma.sql`${row.id}::uuid`)}`;
  }
  return row.id;
}

/** The outbox for admins, newest first. */
export function listOutbox(db: DbOrTx, limit = 100) {
  return db.outgoingMail.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      kind: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
