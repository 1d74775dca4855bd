import { isIP } from "node:net";

/**
 * Set by the front server (request-guard.ts) on every request, replacing any copy the client
 * sent. The app reads the client's address from here and nowhere else.
 */
export const CLIENT_ADDRESS_HEADER = "x-masthead-client-address";

/**
 * Who may be believed about the client's address. `hops`: that many proxies in front of the
 * app, each appending to X-Forwarded-For. `addresses`: the proxies' own addresses; hops from
 * them are believed, anything else is the client. Neither: the socket's peer is the client.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; addresses: Set<string> };

/** An IPv4 address seen over IPv6 (`::ffff:127.0.0.1`) is the IPv4 address. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

/**
 * Reads MASTHEAD_TRUSTED_PROXIES: unset or empty (no proxy), a count of hops (`1`), or a
 * comma-separated list of the proxies' addresses (`127.0.0.1, 10.0.0.5`). Anything else is a
 * start-up error naming the bad part, rather than a silent guess.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 20) throw new Error(`must be at most 20 hops (${hops} is more than any real set-up)`);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const addresses = new Set<string>();
  for (const part of text.split(",")) {
    const address = normaliseAddress(part);
    if (isIP(address) === 0) {
      throw new Error(
        `must be a number of proxy hops or a comma-separated list of proxy IP addresses ("${part.trim().slice(0, 60)}" is neither)`,
      );
    }
    addresses.add(address);
  }
  return { kind: "addresses", addresses };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, one trusted hop at a time. An entry that is not an
 * address stops the walk at the last believable one, so a client cannot choose its address by
 * sending the header itself.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const peer = normaliseAddress(socketAddress ?? "unknown");
  if (trusted.kind === "none") return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // Right to left: the nearest hop first.
  const chain = [peer, ...header.split(",").map(normaliseAddress).filter(Boolean).reverse()];
  let index = 0;
  const believable = (i: number) => i < chain.length && isIP(chain[i] ?? "") !== 0;
  if (trusted.kind === "hops") {
    while (index < trusted.hops && believable(index + 1)) index += 1;
  } else {
    while (trusted.addresses.has(chain[index] ?? "") && believable(index + 1)) index += 1;
  }
  return chain[index] ?? peer;
}
