import { fromBase64, toBase64 } from "./base64";

// What the co-editing server tells every client of a document after each store (a Hocuspocus
// "stateless" message): the state it stored, so a client knows which of its edits are safe in
// the database, and the article's new version; or why nothing was stored.

/** What a client sends (stateless) to have its document stored at once, not after the usual pause. */
export const STORE_NOW = "store-now";

export type StoreNotice =
  { kind: "stored"; version: number; stateVector: Uint8Array } | { kind: "refused"; message: string };

export function encodeStoreNotice(notice: StoreNotice): string {
  return JSON.stringify(
    notice.kind === "stored"
      ? { kind: "stored", version: notice.version, stateVector: toBase64(notice.stateVector) }
      : notice,
  );
}

/** The notice in a stateless payload, or null for anything else. */
export function decodeStoreNotice(payload: string): StoreNotice | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null || !("kind" in value)) return null;
    if (
      value.kind === "stored" &&
      "version" in value &&
      typeof value.version === "number" &&
      "stateVector" in value &&
      typeof value.stateVector === "string"
    )
      return { kind: "stored", version: value.version, stateVector: fromBase64(value.stateVector) };
    if (value.kind === "refused" && "message" in value && typeof value.message === "string")
      return { kind: "refused", message: value.message };
    return null;
  } catch {
    return null;
  }
}

/**
 * Whether everything `local` (a state vector, decoded) has is covered by `stored`: every
 * client's clock in the local document is at or below the stored one.
 */
export function covers(stored: Map<number, number>, local: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}
