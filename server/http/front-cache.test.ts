import { describe, expect, it } from "vitest";
import { CacheState } from "../cache/state";
import { FrontCache, frontCacheKey, headerList, storableResponse, type CachedResponse } from "./front-cache";

const page = (text: string, generation = 0, tags: string[] = ["home"]): CachedResponse => ({
  status: 200,
  headers: { "content-type": "text/html" },
  body: Buffer.from(text),
  generation,
  tags,
});
const nextHeaders = (cache: string, extra: Record<string, string | string[]> = {}) => ({
  "content-type": "text/html; charset=utf-8",
  "x-nextjs-cache": cache,
  "x-masthead-generation": "7",
  "x-masthead-tags": "article:a section:world",
  ...extra,
});
const syncedState = () => {
  const state = new CacheState();
  state.synced = true;
  return state;
};

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
  it("keeps what Next served from or into its page cache, with the connection's and request's headers dropped", () => {
    const body = Buffer.from("<p>story</p>");
    const kept = storableResponse(
      200,
      {
        ...nextHeaders("MISS"),
        "transfer-encoding": "chunked",
        date: "then",
        connection: "keep-alive",
        "x-request-id": "the-request-that-built-it",
        "strict-transport-security": "max-age=31536000; includeSubDomains",
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
      generation: 7,
      tags: ["article:a", "section:world"],
    });
    for (const status of [301, 308, 404, 410])
      expect(storableResponse(status, nextHeaders("HIT"), body)?.status).toBe(status);
  });

  it("refuses per-request answers, pages Next is rebuilding, errors, cookies and oversize bodies", () => {
    const body = Buffer.from("x");
    expect(storableResponse(200, { "content-type": "text/html" }, body)).toBeNull();
    // A page without the labels publicRender gives it cannot be checked against changes.
    expect(storableResponse(200, { "content-type": "text/html", "x-nextjs-cache": "MISS" }, body)).toBeNull();
    expect(storableResponse(200, nextHeaders("MISS", { "x-masthead-generation": "x" }), body)).toBeNull();
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

describe("a copy's headers as writeHead takes them", () => {
  it("lists every name with each of its values, as strings", () => {
    expect(headerList({ "content-type": "text/html", "content-length": 12, link: ["</a.css>", "</b.css>"] })).toEqual([
      "content-type",
      "text/html",
      "content-length",
      "12",
      "link",
      "</a.css>",
      "link",
      "</b.css>",
    ]);
  });
});

describe("the front cache", () => {
  it("serves a page fresh until a change touches one of its tags, then stale; a takedown expires it", () => {
    const state = syncedState();
    const cache = new FrontCache(state);
    expect(cache.store("story", page("A", 0, ["article:a", "section:world"]))).toBe(true);
    expect(cache.store("other", page("B", 0, ["article:b", "section:sport"]))).toBe(true);
    expect(cache.get("story")?.freshness).toBe("fresh");

    state.apply({ id: 1, tags: ["section:world"], takedown: false });
    expect(cache.get("story")).toMatchObject({ freshness: "stale", entry: { body: Buffer.from("A") } });
    expect(cache.get("other")?.freshness).toBe("fresh");

    state.apply({ id: 2, tags: ["article:a"], takedown: true });
    expect(cache.get("story")).toBeUndefined();
    expect(cache.size).toBe(1);
    expect(cache.get("other")?.freshness).toBe("fresh");
  });

  it("a whole-site change makes every page stale; a reset empties the cache", () => {
    const state = syncedState();
    const cache = new FrontCache(state);
    state.onReset(() => cache.clear());
    cache.store("a", page("A", 0, ["article:a"]));
    state.apply({ id: 3, tags: [], takedown: false });
    expect(cache.get("a")?.freshness).toBe("stale");
    cache.store("a", page("A2", 3, ["article:a"]));
    expect(cache.get("a")?.freshness).toBe("fresh");
    state.reset(10);
    expect(cache.size).toBe(0);
  });

  it("does not keep a page built before a takedown that touched it, nor an older page over a newer one", () => {
    const state = syncedState();
    const cache = new FrontCache(state);
    state.mark({ id: 5, tags: ["article:a"], takedown: true });
    expect(cache.store("a", page("built before the takedown", 4, ["article:a"]))).toBe(false);
    expect(cache.store("a", page("built after", 5, ["article:a"]))).toBe(true);
    expect(cache.store("a", page("late, older build", 4, ["article:a"]))).toBe(false);
    expect(cache.get("a")?.entry.body.toString()).toBe("built after");
    // Built before an ordinary change: kept, as stale.
    state.mark({ id: 6, tags: ["article:a"], takedown: false });
    expect(cache.store("b", page("older", 5, ["article:a"]))).toBe(true);
    expect(cache.get("b")?.freshness).toBe("stale");
  });

  it("keeps and serves nothing while it is out of step with the other instances", () => {
    const state = syncedState();
    const cache = new FrontCache(state);
    state.synced = false;
    expect(cache.store("a", page("A"))).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("replaces a page stored twice and evicts the least recently used beyond its limits", () => {
    const cache = new FrontCache(syncedState(), { maxBytes: 10, maxEntries: 3, maxBodyBytes: 10 });
    cache.store("a", page("1111"));
    cache.store("a", page("2222"));
    expect(cache.size).toBe(1);
    cache.store("b", page("3333"));
    cache.get("a"); // a is now the most recently used
    cache.store("c", page("4444")); // 12 bytes: b goes
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.entry.body.toString()).toBe("2222");
    expect(cache.get("c")?.entry.body.toString()).toBe("4444");
    cache.store("d", page("5"));
    cache.store("e", page("6")); // four entries: the oldest (a) goes
    expect(cache.size).toBe(3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.store("big", page("x".repeat(11)))).toBe(false);
  });
});
