import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import type { Db } from "../db/client";
import { CHANNEL, KEEP_CHANGES_MS, toApplied, type ChangeRow } from "./changes";
import type { CacheState } from "./state";

/** How often an instance proves it is connected and caught up (and how long a check may take). */
export const HEARTBEAT_MS = 2_000;
/** An instance not heard from for this long is not waited for (it knows it is out of sync by then). */
export const INSTANCE_SEEN_WINDOW_MS = 3 * HEARTBEAT_MS;
const PAGE = 500;

export interface ChangeChannel {
  readonly instanceId: string;
  stop(): Promise<void>;
}

export const newInstanceId = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Keeps `state` in step with every change recorded on any instance: LISTEN on one dedicated
 * connection, and on each notification (and every heartbeat, in case one was missed) read the
 * changes after the last one applied, in order. While the connection is down the state is
 * not synced (copies are neither served nor kept); on reconnecting it catches up first, or,
 * after an absence longer than changes are kept, expires everything.
 */
export function startChangeChannel(opts: {
  connectionString: string;
  state: CacheState;
  log: (line: string) => void;
  instanceId?: string;
  heartbeatMs?: number;
}): ChangeChannel {
  const { state, log } = opts;
  const instanceId = opts.instanceId ?? newInstanceId();
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  let client: pg.Client | null = null;
  let stopped = false;
  let lastSyncedAt = 0;
  let lastPrunedAt = 0;
  let everConnected = false;
  let reportedDown = false;
  let running: Promise<void> | null = null;
  let again = false;

  const lost = (reason: unknown) => {
    if (stopped) return;
    state.synced = false;
    if (everConnected && !reportedDown)
      log(`lost the public-cache channel (${reason instanceof Error ? reason.message : String(reason)}); reconnecting`);
    reportedDown = true;
    const old = client;
    client = null;
    old?.removeAllListeners("notification");
    void old?.end().catch(() => undefined);
  };

  const readNew = async (db: pg.Client) => {
    for (;;) {
      const { rows } = await db.query<ChangeRow>(
        `SELECT id, tags, takedown FROM "PublicChange" WHERE id > $1 ORDER BY id LIMIT ${PAGE}`,
        [state.generation],
      );
      for (const row of rows) state.apply(toApplied(row));
      if (rows.length < PAGE) break;
    }
    await db.query(`UPDATE "CacheInstance" SET "appliedGeneration" = $1, "seenAt" = now() WHERE id = $2`, [
      state.generation,
      instanceId,
    ]);
    lastSyncedAt = Date.now();
  };

  /** One reader at a time; a notification during a read asks for one more. */
  const catchUp = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const db = client;
    if (!db) return Promise.resolve();
    running = (async () => {
      try {
        do {
          again = false;
          await within(readNew(db), heartbeatMs);
        } while (again);
      } catch (error) {
        lost(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const connect = async () => {
    const db = new pg.Client({
      connectionString: opts.connectionString,
      connectionTimeoutMillis: heartbeatMs,
      application_name: `masthead-cache-channel ${instanceId}`.slice(0, 63),
    });
    db.on("error", lost);
    try {
      await within(db.connect(), heartbeatMs * 2);
      await db.query(`LISTEN ${CHANNEL}`);
      const { rows } = await db.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "PublicChange"`);
      const latest = Number(rows[0]?.max ?? 0);
      // A first start knows nothing of the past (nothing is cached yet); an absence longer
      // than changes are kept cannot be caught up change by change.
      if (lastSyncedAt === 0 || Date.now() - lastSyncedAt > KEEP_CHANGES_MS / 2) state.reset(latest);
      await db.query(
        `INSERT INTO "CacheInstance" (id, "appliedGeneration", "seenAt") VALUES ($1, $2, now())
         ON CONFLICT (id) DO UPDATE SET "appliedGeneration" = EXCLUDED."appliedGeneration", "seenAt" = now()`,
        [instanceId, state.generation],
      );
      if (stopped) return void (await db.end());
      client = db;
      db.on("notification", () => void catchUp());
      await catchUp();
      if (client !== db) return;
      reportedDown = false;
      state.synced = true;
      if (everConnected) log("public-cache channel connected again, caught up");
      everConnected = true;
    } catch (error) {
      db.removeAllListeners("notification");
      await db.end().catch(() => undefined);
      if (client === db) client = null;
      if (!stopped) {
        state.synced = false;
        if (!reportedDown)
          log(`public-cache channel unavailable (${error instanceof Error ? error.message : String(error)}); retrying`);
        reportedDown = true;
      }
    }
  };

  const prune = async (db: pg.Client) => {
    lastPrunedAt = Date.now();
    await db.query(`DELETE FROM "PublicChange" WHERE "createdAt" < now() - make_interval(secs => $1)`, [
      KEEP_CHANGES_MS / 1000,
    ]);
    await db.query(`DELETE FROM "CacheInstance" WHERE "seenAt" < now() - interval '1 hour'`);
  };

  let beating = false;
  const heartbeat = async () => {
    if (stopped || beating) return;
    beating = true;
    try {
      if (!client) return await connect();
      await catchUp();
      if (client && Date.now() - lastPrunedAt > 30 * 60_000) await within(prune(client), heartbeatMs).catch(lost);
    } finally {
      beating = false;
    }
  };

  const timer = setInterval(() => void heartbeat(), heartbeatMs);
  timer.unref();
  void heartbeat();

  return {
    instanceId,
    async stop() {
      stopped = true;
      clearInterval(timer);
      state.synced = false;
      const db = client;
      client = null;
      if (db) {
        await db.query(`DELETE FROM "CacheInstance" WHERE id = $1`, [instanceId]).catch(() => undefined);
        await db.end().catch(() => undefined);
      }
    },
  };
}

/**
 * Waits until every other instance heard from lately has applied change `id` (a takedown must
 * be gone everywhere when its request returns). An instance that does not confirm within
 * `timeoutMs` has by then found itself out of sync and serves no copies; its id is returned.
 */
export async function waitForInstances(
  db: Db,
  id: number,
  opts: { self?: string; timeoutMs?: number; pollMs?: number } = {},
): Promise<string[]> {
  const deadline = Date.now() + (opts.timeoutMs ?? INSTANCE_SEEN_WINDOW_MS);
  for (;;) {
    const behind = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "CacheInstance"
      WHERE "appliedGeneration" < ${id}
        AND "seenAt" > now() - make_interval(secs => ${INSTANCE_SEEN_WINDOW_MS / 1000})
        AND id <> ${opts.self ?? ""}`;
    if (behind.length === 0 || Date.now() >= deadline) return behind.map((row) => row.id);
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 20));
  }
}
