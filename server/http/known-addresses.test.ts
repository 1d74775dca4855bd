import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  knownAddresses,
  loadKnownAddresses,
  MISSING_OTHER_METHODS,
  MISSING_PAGE,
  rewriteUnknownToMissing,
  type RoutesManifest,
} from "./known-addresses";

// As Next writes them in .next/routes-manifest.json.
const manifest: RoutesManifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/_not-found", regex: "^/_not\\-found(?:/)?$" },
    { page: "/_global-error", regex: "^/_global\\-error(?:/)?$" },
    { page: "/search", regex: "^/search(?:/)?$" },
    { page: "/missing", regex: "^/missing(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/articles/[slug]", regex: "^/articles/([^/]+?)(?:/)?$" },
    { page: "/newsroom/[...missing]", regex: "^/newsroom/(.+?)(?:/)?$" },
  ],
  rewrites: {
    beforeFiles: [
      {
        regex: "^(?:/(articles|tags))(?:/([^/]{121,}))(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
        destination: "/missing",
      },
      {
        regex: "^(?:/(articles|tags))(?:/([^/]*[^a-z0-9/-][^/]*))(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
        destination: "/missing",
      },
      { regex: "^/old-feed(?:/)?$", destination: "/feed.xml" },
    ],
  },
};

describe("known addresses", () => {
  const isKnown = knownAddresses(manifest, ["favicon.ico", "icons/logo.png"]);

  it.each([
    "/",
    "/search",
    "/search/",
    "/missing",
    "/articles/harbour-strike",
    "/newsroom/anything/at/all",
    "/old-feed",
    "/favicon.ico",
    "/icons/logo.png",
    "/_next/static/chunks/x.js",
  ])("%s is taken by a route, a rewrite, a file or Next", (pathname) => {
    expect(isKnown(pathname)).toBe(true);
  });

  it.each([
    "/foo",
    "/wp-admin/setup.php",
    "/SEARCH",
    "/%73earch",
    "/FAVICON.ICO",
    "/articles/harbour-strike/extra",
    "/_not-found",
    "/_global-error",
    "/collab",
    "/icons",
    // Rewritten to the 404 page by Next: the same page, sent there in front of it.
    `/articles/${"a".repeat(130)}/x/y`,
    `/articles/${"a".repeat(130)}`,
    "/articles/UPPER_case",
    "/articles/%3Cscript%3E",
  ])("%s is taken by nothing", (pathname) => {
    expect(isKnown(pathname)).toBe(false);
  });

  it("sends only unknown addresses to the public 404 page, leaving the others as they were", () => {
    const ask = (url: string, method = "GET") => {
      const req = { url, method } as IncomingMessage;
      rewriteUnknownToMissing(req, isKnown);
      return req.url;
    };
    expect(ask("/wp-login.php?redirect=/")).toBe(MISSING_PAGE);
    expect(ask("/wp-login.php", "HEAD")).toBe(MISSING_PAGE);
    expect(ask("/wp-login.php", "POST")).toBe(MISSING_OTHER_METHODS);
    expect(ask("/search", "POST")).toBe("/search");
    expect(ask("/search?q=harbour")).toBe("/search?q=harbour");
    expect(ask("/articles/harbour-strike")).toBe("/articles/harbour-strike");
  });

  it("reads a build's routes manifest and the files in its public folder, nested ones too", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "masthead-known-"));
    try {
      await mkdir(path.join(dir, ".next"));
      await mkdir(path.join(dir, "public", "icons"), { recursive: true });
      await writeFile(path.join(dir, ".next", "routes-manifest.json"), JSON.stringify(manifest));
      await writeFile(path.join(dir, "public", "favicon.ico"), "");
      await writeFile(path.join(dir, "public", "icons", "logo.png"), "");
      const built = loadKnownAddresses(dir);
      for (const known of ["/", "/articles/a", "/favicon.ico", "/icons/logo.png"])
        expect(built(known), known).toBe(true);
      for (const unknown of ["/icons", "/logo.png", "/wp-admin"]) expect(built(unknown), unknown).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
