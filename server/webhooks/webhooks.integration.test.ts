import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runner } from "graphile-worker";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { startJobWorker } from "@/server/jobs/worker";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import { DATABASE_URL, db, env, FIXED_NOW, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { DELIVER_WEBHOOK_TASK, deliverWebhookTask, WEBHOOK_DISABLE_AFTER, type WebhookBody } from "./deliver";
import { verifySignature } from "./signature";

// Webhooks end to end against real PostgreSQL, the real job queue and a real HTTP receiver:
// registered by admins, queued with the event, signed, retried with backoff, logged, redelivered,
// switched off after repeated failure.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers with the statuses given, in turn (the last one after). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

const ORIGIN = "https://news.example";
let servers: Server[] = [];
let runner: Runner | null = null;
let admin: SessionUser;
let editor: SessionUser;
let writer: SessionUser;

const adminCaller = async (allowPrivateWebhooks = true) =>
  createCaller({
    ...(await createContext({ db, userId: admin.id, allowPrivateWebhooks })),
    clock: () => FIXED_NOW,
    timeZone: "UTC",
  });

/** Runs the queue's worker for webhooks, as the launcher does. */
async function startWorker(allowPrivate = true, origin = ORIGIN) {
  runner = await startJobWorker({
    connectionString: DATABASE_URL,
    pollInterval: 50,
    taskList: { [DELIVER_WEBHOOK_TASK]: deliverWebhookTask(db, { origin, allowPrivate }) },
  });
}

/** Until `done`, brings every waiting webhook job's retry forward (the backoff is hours long). */
async function untilDelivered(done: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`;
        return done();
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
}

resetTablesBeforeEach();
beforeEach(async () => {
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe("endpoints", () => {
  it("only admins register them; the secret is shown once; bad and private addresses are refused", async () => {
    for (const user of [writer, editor]) {
      const caller = createCaller({ ...(await createContext({ db, userId: user.id })), clock: () => FIXED_NOW });
      expect(
        await outcome(caller.webhook.create({ name: "X", url: "https://example.com/h", events: ["PUBLISHED"] })),
      ).toBe("FORBIDDEN");
      expect(await outcome(caller.webhook.list())).toBe("FORBIDDEN");
    }
    const strict = await adminCaller(false);
    for (const [url, message] of [
      ["ftp://example.com/h", /starts with https/],
      ["not an address", /not a web address/],
      ["https://user:pw@example.com/h", /no user name or password/],
      ["http://127.0.0.1:9/h", /private network/],
      ["http://[::1]:9/h", /private network/],
      ["http://169.254.169.254/latest", /private network/],
      ["http://10.1.2.3/h", /private network/],
      ["http://localhost:9/h", /private network/],
    ] as const) {
      const refused = await strict.webhook
        .create({ name: "Partner", url, events: ["PUBLISHED"] })
        .catch((error: unknown) => error);
      expect(refused, url).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
    expect(await outcome(strict.webhook.create({ name: "Partner", url: "https://example.com/h", events: [] }))).toBe(
      "BAD_REQUEST",
    );
    expect(await db.webhookEndpoint.count()).toBe(0);
    const made = await (
      await adminCaller()
    ).webhook.create({ name: "Partner", url: "http://127.0.0.1:9/h", events: ["PUBLISHED"] });
    expect(made.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await strict.webhook.list())).not.toContain(made.secret);
  });
});

describe("deliveries", () => {
  it("a receiver failing twice gets the same signed event a third time, and the log shows all three", async () => {
    const target = await receiver([500, 503, 200]);
    const { endpoint, secret } = await (
      await adminCaller()
    ).webhook.create({
      name: "Daily Herald",
      url: target.url,
      events: ["PUBLISHED", "CORRECTED", "UNPUBLISHED"],
    });
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour plan approved");
    // Queued with the event, in its transaction.
    const [delivery] = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ event: "PUBLISHED", status: "PENDING", articleId: story.id });
    // A second event about the story waits for the first, however often the first fails.
    const desk = createCaller({ ...(await createContext({ db, userId: editor.id })), clock: () => FIXED_NOW });
    await desk.workflow.addCorrection({
      id: story.id,
      version: await versionOf(story.id),
      text: "The vote was 7 to 6.",
    });
    await startWorker();
    await untilDelivered(async () => (await db.webhookDelivery.count({ where: { status: "SUCCEEDED" } })) === 2);
    expect(target.received.map((r) => (JSON.parse(r.body) as WebhookBody).type)).toEqual([
      "story.published",
      "story.published",
      "story.published",
      "story.corrected",
    ]);
    target.received.splice(3);

    const log = await (await adminCaller()).webhook.deliveries({ id: endpoint.id });
    expect(log).toHaveLength(2);
    expect(log.find((d) => d.event === "PUBLISHED")).toMatchObject({
      status: "SUCCEEDED",
      attempts: 3,
      responses: [500, 503, 200],
      lastError: null,
    });
    expect(log.find((d) => d.event === "CORRECTED")).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      responses: [200],
    });
    const bodies = new Set(target.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    const body = JSON.parse(target.received[0]?.body ?? "{}") as WebhookBody;
    expect(body).toMatchObject({
      id: delivery?.eventId,
      type: "story.published",
      story: {
        id: story.id,
        slug: story.slug,
        headline: "Harbour plan approved",
        url: `${ORIGIN}/articles/${story.slug}`,
        api: `${ORIGIN}/api/v1/stories/${story.id}`,
      },
    });
    for (const request of target.received) {
      expect(request.headers["idempotency-key"]).toBe(delivery?.eventId);
      expect(request.headers["masthead-event"]).toBe("story.published");
      expect(request.headers["content-type"]).toBe("application/json");
      const signature = String(request.headers["masthead-signature"]);
      expect(verifySignature(secret, request.body, signature, new Date())).toBe(true);
      expect(verifySignature("whsec_someone-else", request.body, signature, new Date())).toBe(false);
      expect(verifySignature(secret, `${request.body} `, signature, new Date())).toBe(false);
    }

    // Redelivered by an admin: a new log line, the same event id and body, even when another
    // instance's worker (configured with another address, by mistake) sends it.
    await runner?.stop();
    await startWorker(true, "https://misconfigured.example");
    await (await adminCaller()).webhook.redeliver({ deliveryId: delivery?.id ?? "" });
    await untilDelivered(async () => target.received.length === 4);
    expect(target.received[3]?.body).toBe(target.received[0]?.body);
    expect(target.received[3]?.headers["idempotency-key"]).toBe(delivery?.eventId);
    await untilDelivered(async () => (await db.webhookDelivery.count({ where: { status: "SUCCEEDED" } })) === 3);
  });

  it("each public change is one event of its kind, to the endpoints that asked for it; unpublishing too", async () => {
    const caller = await adminCaller();
    const all = await caller.webhook.create({
      name: "Everything",
      url: "http://127.0.0.1:9/all",
      events: ["PUBLISHED", "UPDATED", "CORRECTED", "UNPUBLISHED", "ADDRESS_CHANGED"],
    });
    const takedowns = await caller.webhook.create({
      name: "Takedowns",
      url: "http://127.0.0.1:9/t",
      events: ["UNPUBLISHED"],
    });
    const desk = createCaller({ ...(await createContext({ db, userId: editor.id })), clock: () => FIXED_NOW });
    const story = await articleIn("PUBLISHED", writer, editor, "Ferry strike called off");
    const draft = await articleIn("APPROVED", writer, editor, "Not live");
    await desk.article.changeSlug({ id: draft.id, version: await versionOf(draft.id), slug: "not-live-yet" });
    await desk.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: "ferry-strike-off" });
    await desk.workflow.addCorrection({
      id: story.id,
      version: await versionOf(story.id),
      text: "The date was wrong.",
    });
    await db.article.update({ where: { id: story.id }, data: { hasUnpublishedChanges: true } });
    await transition(
      db,
      editor,
      { articleId: story.id, action: "publishUpdate", version: await versionOf(story.id) },
      env(),
    );
    await desk.workflow.unpublish({ id: story.id, version: await versionOf(story.id), note: "Legal" });
    const events = async (endpointId: string) =>
      (await db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } })).map((d) => [
        d.event,
        (d.payload as { story: { slug: string } }).story.slug,
      ]);
    expect(await events(all.endpoint.id)).toEqual([
      ["PUBLISHED", story.slug],
      ["ADDRESS_CHANGED", "ferry-strike-off"],
      ["CORRECTED", "ferry-strike-off"],
      ["UPDATED", "ferry-strike-off"],
      ["UNPUBLISHED", "ferry-strike-off"],
    ]);
    expect(await events(takedowns.endpoint.id)).toEqual([["UNPUBLISHED", "ferry-strike-off"]]);
    // Every delivery has its job; an endpoint switched off gets nothing new.
    const jobs = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${DELIVER_WEBHOOK_TASK}`;
    expect(jobs[0]?.n).toBe(6);
    await caller.webhook.setEnabled({ id: all.endpoint.id, enabled: false });
    await articleIn("PUBLISHED", writer, editor, "Another story");
    expect(await db.webhookDelivery.count({ where: { endpointId: all.endpoint.id } })).toBe(5);
  });

  it(`after ${WEBHOOK_DISABLE_AFTER} failed attempts in a row an endpoint is switched off and admins are told`, async () => {
    const target = await receiver([500]);
    const { endpoint } = await (
      await adminCaller()
    ).webhook.create({ name: "Broken", url: target.url, events: ["PUBLISHED"] });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failureStreak: WEBHOOK_DISABLE_AFTER - 2 } });
    await articleIn("PUBLISHED", writer, editor, "First");
    await articleIn("PUBLISHED", writer, editor, "Second");
    await articleIn("PUBLISHED", writer, editor, "Third");
    await startWorker();
    await untilDelivered(
      async () => (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabledAt !== null,
    );
    const off = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(off.disabledReason).toMatch(/failed attempts in a row/);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(0);
    const notices = await db.notification.findMany({ where: { action: "WEBHOOK_DISABLED" } });
    expect(notices.map((n) => n.userId)).toEqual([admin.id]);
    expect(notices[0]?.message).toContain("“Broken” was switched off");
    expect(
      await outcome(
        (await adminCaller()).webhook.redeliver({ deliveryId: (await db.webhookDelivery.findFirstOrThrow()).id }),
      ),
    ).toBe("CONFLICT");
    // Switched on again, it starts counting afresh.
    const on = await (await adminCaller()).webhook.setEnabled({ id: endpoint.id, enabled: true });
    expect(on).toMatchObject({ disabledAt: null, failureStreak: 0 });
  });

  it("never posts to a private address when they are not allowed, even one registered before", async () => {
    const target = await receiver([200]);
    await (await adminCaller()).webhook.create({ name: "Inside", url: target.url, events: ["PUBLISHED"] });
    await articleIn("PUBLISHED", writer, editor, "Harbour plan approved");
    await startWorker(false);
    await untilDelivered(async () => ((await db.webhookDelivery.findFirstOrThrow()).attempts ?? 0) >= 1);
    const delivery = await db.webhookDelivery.findFirstOrThrow();
    expect(delivery.lastError).toMatch(/private network/);
    expect(delivery.responses).toEqual([0]);
    expect(target.received).toHaveLength(0);
  });
});
