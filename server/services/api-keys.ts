import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyCreateInput } from "@/lib/schemas/api-keys";
import type { DbOrTx } from "../db/client";
import { conflict, notFound } from "../errors";
import type { SessionUser } from "./users";

/** What the admin's list shows of a key: never the key itself. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  perMinute: number;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KEY_PREFIX = "mh_";
const viewSelect = {
  id: true,
  name: true,
  prefix: true,
  perMinute: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { displayName: true } },
} as const;

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

function toView(row: {
  id: string;
  name: string;
  prefix: string;
  perMinute: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { displayName: string } | null;
}): ApiKeyView {
  return { ...row, createdBy: row.createdBy?.displayName ?? null };
}

export async function listApiKeys(db: DbOrTx): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    select: viewSelect,
    orderBy: [{ revokedAt: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(toView);
}

/** A new key: 256 random bits. Returned once, here; only its SHA-256 is stored. */
export async function createApiKey(
  db: DbOrTx,
  actor: SessionUser,
  input: ApiKeyCreateInput,
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: {
      name: input.name,
      prefix: key.slice(0, KEY_PREFIX.length + 8),
      hash: hashOf(key),
      perMinute: input.perMinute,
      createdById: actor.id,
    },
    select: viewSelect,
  });
  return { key, apiKey: toView(row) };
}

/** Revoked at once on every instance: the next request with it is refused. */
export async function revokeApiKey(db: DbOrTx, id: string, now: Date): Promise<ApiKeyView> {
  const row = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!row) throw notFound("That key");
  if (row.revokedAt) throw conflict("That key was already revoked.");
  return toView(await db.apiKey.update({ where: { id }, data: { revokedAt: now }, select: viewSelect }));
}

export type ApiKeyCheck =
  | { kind: "ok"; keyId: string; perMinute: number; remaining: number }
  | { kind: "unknown" }
  | { kind: "limited"; perMinute: number; retryAfterSeconds: number };

/**
 * Checks a key sent with a request and counts the request against its minute, in one statement
 * (every instance counts in the same row). Unknown and revoked keys are the same answer.
 */
export async function checkApiKey(db: DbOrTx, key: string, now: Date): Promise<ApiKeyCheck> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return { kind: "unknown" };
  const rows = await db.$queryRaw<{ id: string; perMinute: number; windowStart: Date; windowCount: number }[]>`
    UPDATE "ApiKey" SET
      "windowStart" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= ${now}::timestamp - interval '1 minute'
        THEN ${now}::timestamp ELSE "windowStart" END,
      "windowCount" = CASE WHEN "windowStart" IS NULL OR "windowStart" <= ${now}::timestamp - interval '1 minute'
        THEN 1 ELSE "windowCount" + 1 END,
      "lastUsedAt" = ${now}::timestamp
    WHERE hash = ${hashOf(key)} AND "revokedAt" IS NULL
    RETURNING id, "perMinute", "windowStart", "windowCount"`;
  const row = rows[0];
  if (!row) return { kind: "unknown" };
  if (row.windowCount > row.perMinute) {
    const resetsAt = row.windowStart.getTime() + 60_000;
    return {
      kind: "limited",
      perMinute: row.perMinute,
      retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
    };
  }
  return { kind: "ok", keyId: row.id, perMinute: row.perMinute, remaining: row.perMinute - row.windowCount };
}
