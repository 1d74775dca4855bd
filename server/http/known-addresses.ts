import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage } from "node:http";

/** Where an address matching nothing goes: the public site's own 404 (app/(public)/missing), with no script. */
export const MISSING_PAGE = "/missing";
/** The same page for methods other than GET and HEAD (app/(public)/missing/other-methods). */
export const MISSING_OTHER_METHODS = "/missing/other-methods";

interface ManifestRoute {
  page?: string;
  regex: string;
  destination?: string;
}

/** The parts of Next's `.next/routes-manifest.json` that say which addresses its routes take. */
export interface RoutesManifest {
  staticRoutes: ManifestRoute[];
  dynamicRoutes: ManifestRoute[];
  rewrites?: { beforeFiles?: ManifestRoute[]; afterFiles?: ManifestRoute[]; fallback?: ManifestRoute[] };
}

/**
 * Whether a path (as the client sent it: Next matches its routes on the raw, case-sensitive
 * path too) is one Next has something for: a route of the app, a rewrite (other than to the
 * 404 page, which comes first), a file in public/, or Next's own files under /_next/. Next's internal pages
 * (/_not-found, /_global-error) are not addresses anyone should reach. A path a dynamic route
 * takes may still be a 404 (no story under that slug): the route says so, and its 404 is
 * cached under its own address like any page.
 */
export function knownAddresses(
  manifest: RoutesManifest,
  publicFiles: readonly string[],
): (pathname: string) => boolean {
  const exact = new Set<string>();
  for (const file of publicFiles) exact.add(`/${file}`);
  const patterns: RegExp[] = [];
  for (const route of manifest.staticRoutes) {
    if (route.page?.startsWith("/_")) continue;
    patterns.push(new RegExp(route.regex));
  }
  // Next applies its before-files rewrites ahead of the routes: one to the 404 page (an
  // address that can never be a page, such as /articles/UPPER) makes the address unknown here,
  // so it is sent to that page in front of Next and shares its one cached copy.
  const rewrites = manifest.rewrites ?? {};
  const toMissing: RegExp[] = [];
  for (const route of rewrites.beforeFiles ?? [])
    (route.destination === MISSING_PAGE ? toMissing : patterns).push(new RegExp(route.regex));
  for (const route of [...manifest.dynamicRoutes, ...(rewrites.afterFiles ?? []), ...(rewrites.fallback ?? [])])
    patterns.push(new RegExp(route.regex));
  return (pathname) =>
    pathname.startsWith("/_next/") ||
    exact.has(pathname) ||
    (!toMissing.some((pattern) => pattern.test(pathname)) && patterns.some((pattern) => pattern.test(pathname)));
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  } catch {
    return [];
  }
}

/** The known addresses of the app built in `dir` (read once, at start-up: a build never changes under a running server). */
export function loadKnownAddresses(dir: string): (pathname: string) => boolean {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "routes-manifest.json"), "utf8")) as RoutesManifest;
  return knownAddresses(manifest, filesUnder(path.join(dir, "public")));
}

/**
 * Sends a request for an address no route takes to the public 404 page instead of Next's own
 * not-found page (a React page with a dozen scripts, all of which the public pages' policy
 * blocks). Done here, in front of Next, because a catch-all route or a fallback rewrite in Next
 * would also take /collab, whose WebSocket upgrades this server answers (see next.config.mjs).
 */
export function rewriteUnknownToMissing(req: IncomingMessage, isKnown: (pathname: string) => boolean): void {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!isKnown(pathname))
    req.url = req.method === "GET" || req.method === "HEAD" ? MISSING_PAGE : MISSING_OTHER_METHODS;
}
