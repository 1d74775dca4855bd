import { describe, expect, it } from "vitest";
import { FrontCache, frontCacheKey, storableResponse, type CachedResponse } from "./front-cache";

const page = (text: string, status = 200): CachedResponse => ({
  status,
  headers: { "content-type": "text/html" },
  body: Buffer.from(text),
});
const nextHeaders = (cache: string, extra: Record<string, string | string[]> = {}) => ({
  "content-type": "text/html; charset=utf-8",
  "x-nextjs-cache": cache,
  ...extra,
});

describe("which requests the front cache answers", () => {
  it("keys public pages by address and Accept-Encoding", () => {
    expect(frontCacheKey("GET", "/", {})).toBe("/\n");
    expect(frontCacheKey("GET", "/articles/a-story", { "accept-encoding": "gzip, br" })).toBe(
      "/articles/a-story\ngzip, br",
    );
    expect(frontCacheKey("HEAD", "/articles/a-story", { "accept-encoding": "gzip, br" })).toBe(
      "/articles/a-story\ngzip, br",
    );
    expect(frontCacheKey("GET", "/sections/world/page/2?utm=x", {})).toBe("/sections/world/page/2\n");
    expect(frontCacheKey("GET", "/site.css?v=abc", {})).toBe(frontCacheKey("GET", "/site.css?v=def", {}));
    for (const path of [
      "/feed.xml",
      "/atom.xml",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/site.css?v=abc",
      "/authors/wendy/feed.xml",
      "/tags/syria",
    ]) {
      expect(frontCacheKey("GET", path, {}), path).not.toBeNull();
    }
    expect(frontCacheKey("GET", "/articles/a", { "accept-encoding": "GZIP " })).toBe(
      frontCacheKey("GET", "/articles/a", { "accept-encoding": "gzip" }),
    );
  });

  it("leaves the newsroom, the API, search, Next's own requests and other methods to Next", () => {
    for (const path of [
      "/newsroom",
      "/newsroom/articles/1",
      "/signin",
      "/api/trpc/site.home",
      "/api/health",
      "/search?q=x",
      "/robots.txt",
      "/media/a.jpg",
      "/_next/static/x.js",
      "/articles",
      "/articles/",
      "/favicon.ico",
    ]) {
      expect(frontCacheKey("GET", path, {}), path).toBeNull();
    }
    expect(frontCacheKey("POST", "/", {})).toBeNull();
    expect(frontCacheKey("DELETE", "/articles/a", {})).toBeNull();
    expect(frontCacheKey(undefined, "/", {})).toBeNull();
    expect(frontCacheKey("GET", undefined, {})).toBeNull();
    expect(frontCacheKey("GET", "/articles/a", { rsc: "1" })).toBeNull();
    expect(frontCacheKey("GET", "/articles/a", { "next-router-prefetch": "1" })).toBeNull();
    expect(frontCacheKey("GET", `/articles/${"a".repeat(3_000)}`, {})).toBeNull();
    expect(frontCacheKey("GET", "/articles/a", { "accept-encoding": "x".repeat(300) })).toBeNull();
  });
});

describe("which responses it keeps", () => {
  it("keeps what Next served from or into its page cache, with the connection's headers dropped", () => {
    const body = Buffer.from("<p>story</p>");
    const kept = storableResponse(
      200,
      {
        ...nextHeaders("MISS"),
        "transfer-encoding": "chunked",
        date: "then",
        connection: "keep-alive",
        "content-security-policy": "script-src 'none'",
      },
      body,
    );
    expect(kept).toEqual({
      status: 200,
      body,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "script-src 'none'",
        "x-nextjs-cache": "HIT",
        "x-masthead-cache": "HIT",
        "content-length": body.length,
      },
    });
    for (const status of [301, 308, 404, 410])
      expect(storableResponse(status, nextHeaders("HIT"), body)?.status).toBe(status);
  });

  it("refuses per-request answers, pages Next is rebuilding, errors, cookies and oversize bodies", () => {
    const body = Buffer.from("x");
    expect(storableResponse(200, { "content-type": "text/html" }, body)).toBeNull();
    expect(storableResponse(200, nextHeaders("STALE"), body)).toBeNull();
    expect(storableResponse(200, nextHeaders("REVALIDATED"), body)).toBeNull();
    expect(storableResponse(500, nextHeaders("HIT"), body)).toBeNull();
    expect(storableResponse(302, nextHeaders("HIT"), body)).toBeNull();
    expect(storableResponse(200, nextHeaders("HIT", { "set-cookie": ["a=b"] }), body)).toBeNull();
    expect(
      storableResponse(200, nextHeaders("HIT"), Buffer.alloc(11), { maxBytes: 100, maxEntries: 10, maxBodyBytes: 10 }),
    ).toBeNull();
  });
});

describe("the front cache", () => {
  it("answers a stored page until the site is invalidated", () => {
    const cache = new FrontCache();
    expect(cache.store(cache.generation, "a", page("A"))).toBe(true);
    expect(cache.get("a")?.body.toString()).toBe("A");
    cache.invalidate();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("does not keep a page whose request started before an invalidation", () => {
    const cache = new FrontCache();
    const startedBefore = cache.generation;
    cache.invalidate();
    expect(cache.store(startedBefore, "a", page("stale"))).toBe(false);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.store(cache.generation, "a", page("fresh"))).toBe(true);
    expect(cache.get("a")?.body.toString()).toBe("fresh");
  });

  it("replaces a page stored twice and evicts the least recently used beyond its limits", () => {
    const cache = new FrontCache({ maxBytes: 10, maxEntries: 3, maxBodyBytes: 10 });
    const g = cache.generation;
    cache.store(g, "a", page("1111"));
    cache.store(g, "a", page("2222"));
    expect(cache.size).toBe(1);
    cache.store(g, "b", page("3333"));
    cache.get("a"); // a is now the most recently used
    cache.store(g, "c", page("4444")); // 12 bytes: b goes
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body.toString()).toBe("2222");
    expect(cache.get("c")?.body.toString()).toBe("4444");
    cache.store(g, "d", page("5"));
    cache.store(g, "e", page("6")); // four entries: the oldest (a) goes
    expect(cache.size).toBe(3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.store(g, "big", page("x".repeat(11)))).toBe(false);
  });
});
