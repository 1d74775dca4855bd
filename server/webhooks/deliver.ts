import type { Task } from "graphile-worker";
import type { Db } from "../db/client";
import { privateTargetProblem } from "./address";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/**
 * Webhook delivery: one job per delivery (queued by the WorkflowEvent trigger, see the webhooks
 * migration), tried by the job queue up to WEBHOOK_MAX_ATTEMPTS times with its backoff (about
 * e^n seconds, at most about 6 hours between tries: the last try a little over a day after the
 * event), in order per story and endpoint. A 2xx answer within 10 seconds is success; anything else is recorded (status code,
 * error) and retried. An endpoint failing WEBHOOK_DISABLE_AFTER attempts in a row is switched
 * off, its waiting deliveries marked failed, and every admin told. A delivery that succeeded is
 * never sent again by the queue (only an admin's redelivery, with the same Idempotency-Key).
 */
export const DELIVER_WEBHOOK_TASK = "deliver_webhook";
export const WEBHOOK_MAX_ATTEMPTS = 13;
export const WEBHOOK_DISABLE_AFTER = 20;
const TIMEOUT_MS = 10_000;
/** How long a delivery waits for an earlier one about the same story before looking again. */
const WAIT_MS = 15_000;

export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  story: { id: string; slug: string; headline: string; language: string | null; url: string; api: string };
}

export interface DeliverOptions {
  origin: string;
  allowPrivate: boolean;
  now?: () => Date;
}

/** The JSON an endpoint receives: the same bytes for every attempt and redelivery. */
export function webhookBody(
  delivery: { eventId: string; event: string; payload: unknown },
  origin: string,
): { text: string; body: WebhookBody } {
  const payload = delivery.payload as {
    occurredAt: string;
    story: { id: string; slug: string; headline: string; language: string | null };
  };
  const body: WebhookBody = {
    id: delivery.eventId,
    type: `story.${delivery.event.toLowerCase()}`,
    occurredAt: payload.occurredAt,
    story: {
      ...payload.story,
      url: `${origin}/articles/${payload.story.slug}`,
      api: `${origin}/api/v1/stories/${payload.story.id}`,
    },
  };
  return { text: JSON.stringify(body), body };
}

async function post(
  url: string,
  text: string,
  headers: Record<string, string>,
): Promise<{ status: number; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      body: text,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { status: response.status, error: ok ? null : `The endpoint answered ${response.status}.` };
  } catch (error) {
    const message =
      error instanceof Error
        ? error.name === "TimeoutError"
          ? "No answer within 10 seconds."
          : error.message
        : String(error);
    return { status: 0, error: message.slice(0, 500) };
  }
}

/** Switches an endpoint off after repeated failure, fails what it still had waiting and tells every admin. */
async function disable(db: Db, endpoint: { id: string; name: string }, now: Date): Promise<void> {
  const reason = `Switched off after ${WEBHOOK_DISABLE_AFTER} failed attempts in a row.`;
  await db.$transaction(async (tx) => {
    const switched = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, disabledAt: null },
      data: { disabledAt: now, disabledReason: reason },
    });
    if (switched.count === 0) return;
    await tx.webhookDelivery.updateMany({
      where: { endpointId: endpoint.id, status: "PENDING" },
      data: { status: "FAILED", lastError: "The endpoint was switched off." },
    });
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    await tx.notification.createMany({
      data: admins.map((admin) => ({
        userId: admin.id,
        action: "WEBHOOK_DISABLED" as const,
        message: `The webhook “${endpoint.name}” was switched off: ${reason} Check it under Webhooks, then switch it on again.`,
        createdAt: now,
      })),
    });
  });
}

export function deliverWebhookTask(db: Db, options: DeliverOptions): Task {
  const now = options.now ?? (() => new Date());
  return async (payload, helpers) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    const delivery = await db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
    if (!delivery || delivery.status !== "PENDING") return;
    const { endpoint } = delivery;
    // In order per story: while an earlier event about the same story still waits for this
    // endpoint, this one waits too (without spending an attempt).
    const earlier = delivery.articleId
      ? await db.webhookDelivery.findFirst({
          where: {
            endpointId: endpoint.id,
            articleId: delivery.articleId,
            status: "PENDING",
            seq: { lt: delivery.seq },
            eventId: { not: delivery.eventId },
          },
          select: { id: true },
        })
      : null;
    if (earlier) {
      await helpers.addJob(
        DELIVER_WEBHOOK_TASK,
        { id },
        { runAt: new Date(now().getTime() + WAIT_MS), maxAttempts: WEBHOOK_MAX_ATTEMPTS, jobKey: `webhook:${id}` },
      );
      return;
    }
    if (endpoint.disabledAt) {
      await db.webhookDelivery.update({
        where: { id },
        data: { status: "FAILED", lastError: "The endpoint is switched off." },
      });
      return;
    }
    // Made once, by whichever instance tries first; every later attempt sends the same bytes.
    let text = delivery.body;
    if (text === null) {
      text = webhookBody(delivery, options.origin).text;
      await db.webhookDelivery.update({ where: { id }, data: { body: text } });
    }
    const at = now();
    const refused = await privateTargetProblem(endpoint.url, options.allowPrivate);
    const result = refused
      ? { status: 0, error: refused }
      : await post(endpoint.url, text, {
          "Content-Type": "application/json",
          "User-Agent": "Masthead-Webhooks/1",
          "Masthead-Event": `story.${delivery.event.toLowerCase()}`,
          "Masthead-Delivery": delivery.id,
          "Idempotency-Key": delivery.eventId,
          [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, text, at),
        });
    const final = helpers.job.attempts >= helpers.job.max_attempts;
    await db.webhookDelivery.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        responses: { push: result.status },
        lastAttemptAt: at,
        lastError: result.error,
        ...(result.error ? (final ? { status: "FAILED" } : {}) : { status: "SUCCEEDED", deliveredAt: at }),
      },
    });
    if (!result.error) {
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failureStreak: 0 } });
      return;
    }
    const { failureStreak } = await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failureStreak: { increment: 1 } },
      select: { failureStreak: true },
    });
    if (failureStreak >= WEBHOOK_DISABLE_AFTER) {
      await disable(db, endpoint, at);
      return;
    }
    // The queue tries again later (unless that was the last attempt).
    throw new Error(`Webhook delivery ${id} to ${endpoint.url}: ${result.error}`);
  };
}
