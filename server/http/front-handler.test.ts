import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FrontCacheHook } from "../public-cache";
import { frontCachedHandler } from "./front-handler";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A stand-in for Next with a page cache: the story page shows `nextCache.story`; an unpublish
 * request invalidates the public site from inside its handler, and (as Next does) the change
 * takes effect only once the handler has returned, just before the response is written.
 */
function fakeNext(options: { readDelayMs?: () => number; handlerWorkMs?: number; bodyMs?: number } = {}) {
  const nextCache = { story: "the story" };
  const hookBox: { hook?: FrontCacheHook } = {};
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url === "/unpublish") {
      hookBox.hook?.invalidated();
      await later(options.handlerWorkMs ?? 0);
      await Promise.resolve();
      nextCache.story = "gone";
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("unpublished");
      await later(options.bodyMs ?? 0);
      res.end();
      return;
    }
    if (req.url === "/articles/story") {
      const shown = nextCache.story;
      await later(options.readDelayMs?.() ?? 0);
      res.setHeader("x-nextjs-cache", "HIT");
      res.writeHead(shown === "gone" ? 410 : 200, { "content-type": "text/html" });
      res.end(shown);
      return;
    }
    if (req.url === "/search") {
      res.end(`searched at ${Date.now()}`);
      return;
    }
    res.writeHead(404).end();
  };
  const { listener, hook } = frontCachedHandler(handle);
  hookBox.hook = hook;
  return listener;
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stop = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function read(url: string, method = "GET") {
  const response = await fetch(url, { method });
  return {
    status: response.status,
    body: await response.text(),
    cache: response.headers.get("x-masthead-cache"),
    length: response.headers.get("content-length"),
  };
}

describe("the front cache in front of Next", () => {
  it("answers a repeat request from memory, HEAD without a body, and never caches what Next did not", async () => {
    const base = await serve(fakeNext());
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 200, body: "the story", cache: "MISS" });
    expect(await read(`${base}/articles/story`)).toEqual({ status: 200, body: "the story", cache: "HIT", length: "9" });
    expect(await read(`${base}/articles/story`, "HEAD")).toMatchObject({
      status: 200,
      body: "",
      cache: "HIT",
      length: "9",
    });
    const first = await read(`${base}/search`);
    await later(5);
    expect((await read(`${base}/search`)).body).not.toBe(first.body);
  });

  it("serves the takedown on the first request after the invalidating response", async () => {
    const base = await serve(fakeNext());
    await read(`${base}/articles/story`);
    expect((await read(`${base}/articles/story`)).cache).toBe("HIT");
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "MISS" });
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "HIT" });
  });

  it("does not keep a page read before the takedown that finished after it", async () => {
    let delay = 150;
    const base = await serve(fakeNext({ readDelayMs: () => delay }));
    const slowRead = read(`${base}/articles/story`); // reads the story now, answers in 150 ms
    await later(20);
    delay = 0;
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    expect((await slowRead).body).toBe("the story");
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
  });

  it("does not keep a page read while the invalidating request was still running", async () => {
    const base = await serve(fakeNext({ handlerWorkMs: 100 }));
    const unpublishing = read(`${base}/unpublish`, "POST"); // invalidates, then works 100 ms before Next applies it
    await later(30);
    expect((await read(`${base}/articles/story`)).body).toBe("the story"); // read from Next's not-yet-revalidated cache
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    expect((await unpublishing).status).toBe(200);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
  });

  it("serves the takedown as soon as the invalidating response has begun, before it has ended", async () => {
    const base = await serve(fakeNext({ handlerWorkMs: 100, bodyMs: 200 }));
    const unpublishing = fetch(`${base}/unpublish`, { method: "POST" });
    await later(30);
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    const response = await unpublishing; // its headers are here, its body is still coming
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
    expect(await response.text()).toBe("unpublished");
  });
});
