import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FrontCacheHook } from "../public-cache";
import { frontCachedHandler } from "./front-handler";

/** A promise the test resolves by hand: the order of events is the test's, not the clock's. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A stand-in for Next with a page cache: the story page shows `nextCache.story`; an unpublish
 * request invalidates the public site from inside its handler, and (as Next does) the change
 * takes effect only once the handler has returned, just before the response is written.
 *
 * `holdRead()` makes the next story read stop after it has read the cache, until released;
 * `holdUnpublish()` makes the next unpublish stop after it has invalidated (before Next applies
 * the revalidation) and again after its headers are out (before its body ends).
 */
function fakeNext() {
  const nextCache = { story: "the story" };
  const hookBox: { hook?: FrontCacheHook } = {};
  let searches = 0;
  let heldRead: { started: ReturnType<typeof gate>; release: ReturnType<typeof gate> } | null = null;
  let heldUnpublish: {
    invalidated: ReturnType<typeof gate>;
    apply: ReturnType<typeof gate>;
    finishBody: ReturnType<typeof gate>;
  } | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url === "/unpublish") {
      const held = heldUnpublish;
      heldUnpublish = null;
      hookBox.hook?.invalidated();
      held?.invalidated.open();
      await held?.apply.opened;
      await Promise.resolve();
      nextCache.story = "gone";
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("unpublished");
      await held?.finishBody.opened;
      res.end();
      return;
    }
    if (req.url === "/articles/story") {
      const held = heldRead;
      heldRead = null;
      const shown = nextCache.story;
      held?.started.open();
      await held?.release.opened;
      res.setHeader("x-nextjs-cache", "HIT");
      res.writeHead(shown === "gone" ? 410 : 200, { "content-type": "text/html" });
      res.end(shown);
      return;
    }
    if (req.url === "/search") {
      searches += 1;
      res.end(`search number ${searches}`);
      return;
    }
    res.writeHead(404).end();
  };
  const { listener, hook } = frontCachedHandler(handle);
  hookBox.hook = hook;
  return {
    listener,
    holdRead() {
      heldRead = { started: gate(), release: gate() };
      return { started: heldRead.started.opened, release: heldRead.release.open };
    },
    holdUnpublish() {
      heldUnpublish = { invalidated: gate(), apply: gate(), finishBody: gate() };
      const { invalidated, apply, finishBody } = heldUnpublish;
      return { invalidated: invalidated.opened, apply: apply.open, finishBody: finishBody.open };
    },
  };
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
    const base = await serve(fakeNext().listener);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 200, body: "the story", cache: "MISS" });
    expect(await read(`${base}/articles/story`)).toEqual({ status: 200, body: "the story", cache: "HIT", length: "9" });
    expect(await read(`${base}/articles/story`, "HEAD")).toMatchObject({
      status: 200,
      body: "",
      cache: "HIT",
      length: "9",
    });
    expect((await read(`${base}/search`)).body).toBe("search number 1");
    expect((await read(`${base}/search`)).body).toBe("search number 2");
  });

  it("serves the takedown on the first request after the invalidating response", async () => {
    const base = await serve(fakeNext().listener);
    await read(`${base}/articles/story`);
    expect((await read(`${base}/articles/story`)).cache).toBe("HIT");
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "MISS" });
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "HIT" });
  });

  it("does not keep a page read before the takedown that finished after it", async () => {
    const next = fakeNext();
    const base = await serve(next.listener);
    const slow = next.holdRead();
    const slowRead = read(`${base}/articles/story`);
    await slow.started; // it has read "the story" from Next's cache and not answered yet
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    slow.release();
    expect((await slowRead).body).toBe("the story");
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
  });

  it("does not keep a page read while the invalidating request was still running", async () => {
    const next = fakeNext();
    const base = await serve(next.listener);
    const unpublish = next.holdUnpublish();
    const unpublishing = read(`${base}/unpublish`, "POST");
    await unpublish.invalidated; // Next has not applied the revalidation yet
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    unpublish.apply();
    unpublish.finishBody();
    expect((await unpublishing).status).toBe(200);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
  });

  it("serves the takedown as soon as the invalidating response has begun, before it has ended", async () => {
    const next = fakeNext();
    const base = await serve(next.listener);
    const unpublish = next.holdUnpublish();
    const unpublishing = fetch(`${base}/unpublish`, { method: "POST" });
    await unpublish.invalidated;
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    expect((await read(`${base}/articles/story`)).body).toBe("the story");
    unpublish.apply();
    const response = await unpublishing; // its headers are here, its body is held back
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone" });
    unpublish.finishBody();
    expect(await response.text()).toBe("unpublished");
  });
});
