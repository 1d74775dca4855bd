import type { WebhookCreateInput } from "@/lib/schemas/webhooks";
import type { DbOrTx } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { privateTargetProblem, urlProblem } from "../webhooks/address";
import { DELIVER_WEBHOOK_TASK, WEBHOOK_MAX_ATTEMPTS } from "../webhooks/deliver";
import { newWebhookSecret } from "../webhooks/signature";
import type { SessionUser } from "./users";

// Admins' webhook endpoints and their delivery logs. Deliveries themselves are queued by a
// trigger on WorkflowEvent and sent by server/webhooks/deliver.ts.

const endpointSelect = {
  id: true,
  name: true,
  url: true,
  events: true,
  disabledAt: true,
  disabledReason: true,
  failureStreak: true,
  createdAt: true,
} as const;

export const listWebhooks = (db: DbOrTx) =>
  db.webhookEndpoint.findMany({ select: endpointSelect, orderBy: { createdAt: "desc" } });

/** A new endpoint and its signing secret, shown this once. */
export async function createWebhook(db: DbOrTx, actor: SessionUser, input: WebhookCreateInput, allowPrivate: boolean) {
  const problem = urlProblem(input.url) ?? (await privateTargetProblem(input.url, allowPrivate));
  if (problem) throw badRequest(problem, { url: [problem] });
  const secret = newWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { name: input.name, url: input.url, events: [...new Set(input.events)], secret, createdById: actor.id },
    select: endpointSelect,
  });
  return { endpoint, secret };
}

/** Switched on (its failure count starts again) or off by an admin. */
export async function setWebhookEnabled(db: DbOrTx, id: string, enabled: boolean, now: Date) {
  const found = await db.webhookEndpoint.findUnique({ where: { id }, select: { disabledAt: true } });
  if (!found) throw notFound("That endpoint");
  if (enabled === (found.disabledAt === null))
    throw conflict(enabled ? "That endpoint is on already." : "That endpoint is off already.");
  return db.webhookEndpoint.update({
    where: { id },
    data: enabled
      ? { disabledAt: null, disabledReason: null, failureStreak: 0 }
      : { disabledAt: now, disabledReason: "Switched off by an admin." },
    select: endpointSelect,
  });
}

/** An endpoint's latest deliveries, newest first. */
export async function webhookDeliveries(db: DbOrTx, id: string) {
  const found = await db.webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound("That endpoint");
  return db.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      eventId: true,
      event: true,
      payload: true,
      status: true,
      attempts: true,
      responses: true,
      lastError: true,
      createdAt: true,
      lastAttemptAt: true,
      deliveredAt: true,
    },
  });
}

/** Sends an event again to its endpoint: a new delivery, the same event id (Idempotency-Key) and body. */
export async function redeliverWebhook(db: DbOrTx, deliveryId: string, now: Date): Promise<{ id: string }> {
  const earlier = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { endpoint: { select: { disabledAt: true } } },
  });
  if (!earlier) throw notFound("That delivery");
  if (earlier.endpoint.disabledAt) throw conflict("That endpoint is switched off: switch it on first.");
  // The copy and its job in one statement: both or neither.
  const [again] = await db.$queryRaw<{ id: string }[]>`
    WITH again AS (
      INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", event, "articleId", payload, body, "createdAt")
      SELECT gen_random_uuid(), "endpointId", "eventId", event, "articleId", payload, body, ${now}::timestamp
      FROM "WebhookDelivery" WHERE id = ${deliveryId}::uuid
      RETURNING id
    )
    SELECT id::text AS id, (graphile_worker.add_job(${DELIVER_WEBHOOK_TASK}, json_build_object('id', id::text),
      max_attempts := ${WEBHOOK_MAX_ATTEMPTS}::int, job_key := 'webhook:' || id::text)).id IS NOT NULL AS queued
    FROM again`;
  if (!again) throw notFound("That delivery");
  return { id: again.id };
}
