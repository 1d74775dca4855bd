import type { Db } from "../db/client";
import type { AppliedChange } from "./state";

/** The PostgreSQL channel every instance listens on; the payload is the change's id. */
export const CHANNEL = "masthead_public_change";
/** Changes are kept this long: an instance away for longer starts its cache afresh. */
export const KEEP_CHANGES_MS = 24 * 60 * 60 * 1000;
/** Any fixed number: recording changes one at a time makes their ids visible in order. */
const RECORD_LOCK = 724_531_001;

export interface PublicChange {
  /** The pages touched (see tags.ts); empty for the whole site. */
  tags: string[];
  /** Taken down: no instance serves a copy after the recording request returns. */
  takedown: boolean;
}

/**
 * Records a change and notifies every instance, in one transaction (a notification is
 * delivered on commit). The advisory lock makes a later id commit only after every earlier
 * one, so an instance that has read up to id N has seen every change up to N: ids from a
 * sequence could otherwise become visible out of order. Listeners read what is new from the
 * table, so the notification carries nothing.
 */
export async function recordChange(db: Db, change: PublicChange): Promise<number> {
  const tags = [...new Set(change.tags)].sort();
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(${RECORD_LOCK})`,
    db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "PublicChange" (tags, takedown) VALUES (${tags}::text[], ${change.takedown}) RETURNING id`,
    db.$executeRaw`SELECT pg_notify(${CHANNEL}, '')`,
  ]);
  return Number(rows[0]?.id ?? 0);
}

export interface ChangeRow {
  id: bigint;
  tags: string[];
  takedown: boolean;
}

export const toApplied = (row: ChangeRow): AppliedChange => ({
  id: Number(row.id),
  tags: row.tags,
  takedown: row.takedown,
});
