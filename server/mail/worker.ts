import type { Runner, Task } from "graphile-worker";
import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { startJobWorker } from "../jobs/worker";
import { SEND_MAIL_TASK } from "./outbox";

export interface MailSender {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** SMTP through nodemailer, from `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpSender(url: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return { send: (message) => transport.sendMail(message) };
}

/** The address mail comes from: MASTHEAD_MAIL_FROM, or the site's host. */
export function mailFrom(env: Record<string, string | undefined> = process.env): string {
  if (env.MASTHEAD_MAIL_FROM) return env.MASTHEAD_MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(env.NEXTAUTH_URL ?? "http://localhost").hostname;
  } catch {
    // The launcher refuses a malformed NEXTAUTH_URL; keep the default here.
  }
  return `Masthead <no-reply@${host}>`;
}

/**
 * The job that sends one outbox message. A message already sent is never sent again (a job
 * can run twice only if a worker died after sending and before recording it). A failure is
 * recorded and thrown, so the queue retries it with backoff; the last failure marks it failed.
 */
export function sendMailTask(db: Db, sender: MailSender, from: string): Task {
  return async (payload, helpers) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    const mail = await db.outgoingMail.findUnique({ where: { id } });
    if (!mail || mail.status === "SENT") return;
    try {
      await sender.send({ from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = helpers.job.attempts >= helpers.job.max_attempts;
      await db.outgoingMail.update({
        where: { id },
        data: { attempts: { increment: 1 }, lastError, status: final ? "FAILED" : "QUEUED" },
      });
      throw error;
    }
    await db.outgoingMail.update({
      where: { id },
      data: { attempts: { increment: 1 }, status: "SENT", sentAt: new Date(), lastError: null },
    });
  };
}

/**
 * Runs the mail queue in this process. Every instance may run one: PostgreSQL hands each job
 * to one worker only (SKIP LOCKED), and a job whose worker stopped mid-send is picked up again.
 */
export async function startMailWorker(opts: {
  db: Db;
  connectionString: string;
  sender: MailSender;
  from?: string;
  concurrency?: number;
  pollInterval?: number;
}): Promise<Runner> {
  return startJobWorker({
    connectionString: opts.connectionString,
    concurrency: opts.concurrency,
    pollInterval: opts.pollInterval,
    taskList: { [SEND_MAIL_TASK]: sendMailTask(opts.db, opts.sender, opts.from ?? mailFrom()) },
  });
}
