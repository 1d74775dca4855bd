import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Webhooks post to addresses admins type in. Unless MASTHEAD_WEBHOOKS_ALLOW_PRIVATE=true, an
// endpoint may not reach this machine or the private network it sits in (the cloud metadata
// service, the database, an admin panel): checked when it is registered and again before every
// delivery, on every address its name resolves to (a name can be pointed elsewhere later).

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is loopback, link-local, private, shared or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return blocked.check(address, "ipv4");
  if (version !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  return blocked.check(address, "ipv6");
}

/** Why this URL cannot be an endpoint, or null when it can. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "That is not a web address (it starts with https://).";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "An endpoint's address starts with https:// or http://.";
  if (url.username || url.password)
    return "Put no user name or password in the address: deliveries are signed instead.";
  if (raw.length > 2000) return "That address is too long (at most 2,000 characters).";
  return null;
}

/**
 * Refuses an endpoint on this machine or a private network, unless allowed: the reason, or
 * null when every address its host name resolves to is public.
 */
export async function privateTargetProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `The name ${host} does not resolve to an address.`;
  }
  const inside = addresses.find(isPrivateAddress);
  return inside
    ? `${host} is on this machine or a private network (${inside}): endpoints must be public addresses.`
    : null;
}
