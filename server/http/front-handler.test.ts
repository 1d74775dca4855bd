import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CacheState, GENERATION_HEADER, TAGS_HEADER } from "../cache/state";
import { entityTag } from "./conditional";
import { frontCachedHandler } from "./front-handler";

/** A promise the test resolves by hand: the order of events is the test's, not the clock's. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A stand-in for Next and the database: the story page is built from `db.story` and labelled
 * as publicRender labels it (the generation when the build starts, its tags). POST /update and
 * POST /unpublish change the story and record the change as the app does (marked at once in
 * this process, applied from the channel just after). `holdBuild()` stops the next build after
 * it has read the database, until released.
 */
function fakeNext(state: CacheState) {
  const db = { story: "the story" };
  let nextId = 1;
  let builds = 0;
  let searches = 0;
  let failures = 0;
  let held: { started: ReturnType<typeof gate>; release: ReturnType<typeof gate> } | null = null;

  const record = (takedown: boolean) => {
    const change = { id: nextId++, tags: ["article:story"], takedown };
    state.mark(change);
    state.apply(change);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && (req.url === "/update" || req.url === "/unpublish")) {
      db.story = req.url === "/update" ? "the corrected story" : "gone";
      record(req.url === "/unpublish");
      res.end("done");
      return;
    }
    if (req.url === "/articles/story") {
      builds += 1;
      const generation = state.generation;
      const shown = db.story;
      const hold = held;
      held = null;
      hold?.started.open();
      await hold?.release.opened;
      res.writeHead(shown === "gone" ? 410 : 200, {
        "content-type": "text/html",
        etag: entityTag(Buffer.from(shown)),
        "x-nextjs-cache": "MISS",
        [GENERATION_HEADER]: String(generation),
        [TAGS_HEADER]: "article:story section:world",
      });
      res.end(shown);
      return;
    }
    if (req.url === "/articles/failing") {
      failures += 1;
      const hold = held;
      held = null;
      hold?.started.open();
      await hold?.release.opened;
      res.writeHead(503, { "content-type": "text/plain", [GENERATION_HEADER]: String(state.generation) });
      res.end("try again");
      return;
    }
    if (req.url === "/search") {
      searches += 1;
      res.end(`search number ${searches}`);
      return;
    }
    res.writeHead(404).end();
  };
  const { listener, replayFresh } = frontCachedHandler(handle, state);
  let arrivals = 0;
  let replayed = 0;
  return {
    // As the web server does: a fresh copy first, everything else the whole way; each
    // request gets its id (here its number) either way.
    listener: (req: IncomingMessage, res: ServerResponse) => {
      arrivals += 1;
      const requestId = `request-${arrivals}`;
      if (replayFresh(req, res, ["x-request-id", requestId])) replayed += 1;
      else {
        res.setHeader("x-request-id", requestId);
        listener(req, res);
      }
    },
    /** Requests that have reached the server so far. */
    arrivals: () => arrivals,
    /** Requests answered by replayFresh. */
    replayed: () => replayed,
    builds: () => builds,
    failures: () => failures,
    holdBuild() {
      held = { started: gate(), release: gate() };
      return { started: held.started.opened, release: held.release.open };
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

/** The request id an answer carries (several would come joined by commas). */
const requestIdOf = async (url: string, method = "GET") => (await fetch(url, { method })).headers.get("x-request-id");

const synced = () => {
  const state = new CacheState();
  state.synced = true;
  return state;
};

describe("the front cache in front of Next", () => {
  it("answers a reader that has the page with 304, from Next and from the copy, and 200 once it changed", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    const etag = entityTag(Buffer.from("the story"));
    const ask = async (tag: string) => {
      const response = await fetch(`${base}/articles/story`, { headers: { "if-none-match": tag } });
      return { status: response.status, body: await response.text(), etag: response.headers.get("etag") };
    };
    // The first request is built by Next: the reader gets a 304, the copy keeps the whole page.
    expect(await ask(etag)).toEqual({ status: 304, body: "", etag });
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 200, body: "the story", cache: "HIT" });
    expect(await ask(etag)).toEqual({ status: 304, body: "", etag });
    expect(next.replayed()).toBe(2);
    expect(await ask('"something older"')).toMatchObject({ status: 200, body: "the story" });
    await read(`${base}/update`, "POST");
    expect(await ask(etag)).toEqual({
      status: 200,
      body: "the corrected story",
      etag: entityTag(Buffer.from("the corrected story")),
    });
    expect(next.builds()).toBe(2);
  });

  it("answers a repeat request from memory, HEAD without a body, and never caches what Next did not", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
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
    // The two HITs came by the short way; nothing else did.
    expect(next.replayed()).toBe(2);
  });

  it("gives every answer its own request id, once, not the one of the request that built the copy", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    expect(await requestIdOf(`${base}/articles/story`)).toBe("request-1");
    expect(await requestIdOf(`${base}/articles/story`)).toBe("request-2");
    expect(await requestIdOf(`${base}/articles/story`, "HEAD")).toBe("request-3");
    await read(`${base}/update`, "POST"); // request 4
    // The rebuild goes the whole way (request 5); its copy is replayed to request 6.
    expect(await requestIdOf(`${base}/articles/story`)).toBe("request-5");
    expect(await requestIdOf(`${base}/articles/story`)).toBe("request-6");
    expect(next.replayed()).toBe(3);
  });

  it("takes a request with a body the whole way, even for a page it holds", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    // GETs sent by hand: fetch will not send one with a body.
    const get = (body?: string) =>
      new Promise<{ cache: unknown; body: string }>((resolve, reject) => {
        const headers = body === undefined ? {} : { "content-length": String(body.length) };
        const req = request(`${base}/articles/story`, { method: "GET", headers }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ cache: res.headers["x-masthead-cache"], body: text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    expect(await get()).toEqual({ cache: "MISS", body: "the story" });
    // Answered from the copy all the same, but the whole way round.
    expect(await get("x")).toEqual({ cache: "HIT", body: "the story" });
    expect(next.replayed()).toBe(0);
    expect(await get()).toEqual({ cache: "HIT", body: "the story" });
    expect(next.replayed()).toBe(1);
  });

  it("serves the takedown on the first request after the unpublishing response", async () => {
    const base = await serve(fakeNext(synced()).listener);
    await read(`${base}/articles/story`);
    expect((await read(`${base}/articles/story`)).cache).toBe("HIT");
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "MISS" });
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "HIT" });
  });

  it("does not keep a page that read the database before a takedown and finished after it", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    const slow = next.holdBuild();
    const slowRead = read(`${base}/articles/story`);
    await slow.started; // it has read "the story" and not answered yet
    expect((await read(`${base}/unpublish`, "POST")).status).toBe(200);
    slow.release();
    expect((await slowRead).body).toBe("the story");
    expect(await read(`${base}/articles/story`)).toMatchObject({ status: 410, body: "gone", cache: "MISS" });
  });

  it("after an ordinary update, serves the old copy to others while exactly one request rebuilds the page", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    await read(`${base}/articles/story`);
    expect(next.builds()).toBe(1);
    await read(`${base}/update`, "POST");

    const rebuild = next.holdBuild();
    const rebuilding = read(`${base}/articles/story`);
    await rebuild.started;
    const meanwhile = await Promise.all([1, 2, 3].map(() => read(`${base}/articles/story`)));
    expect(meanwhile.map((r) => [r.body, r.cache])).toEqual([
      ["the story", "STALE"],
      ["the story", "STALE"],
      ["the story", "STALE"],
    ]);
    rebuild.release();
    expect(await rebuilding).toMatchObject({ body: "the corrected story", cache: "MISS" });
    expect(next.builds()).toBe(2);
    expect(await read(`${base}/articles/story`)).toMatchObject({ body: "the corrected story", cache: "HIT" });
  });

  it("builds a page that has no copy once for requests arriving together, and answers them all from it", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    const build = next.holdBuild();
    const first = read(`${base}/articles/story`);
    await build.started;
    const others = [1, 2, 3].map(() => read(`${base}/articles/story`));
    await vi.waitFor(() => expect(next.arrivals()).toBe(4));
    // The others wait for the build under way instead of starting builds of their own.
    expect(next.builds()).toBe(1);
    build.release();
    expect(await first).toMatchObject({ status: 200, body: "the story", cache: "MISS" });
    expect((await Promise.all(others)).map((r) => [r.status, r.body, r.cache])).toEqual([
      [200, "the story", "HIT"],
      [200, "the story", "HIT"],
      [200, "the story", "HIT"],
    ]);
    expect(next.builds()).toBe(1);
  });

  it("after a takedown, requests arriving together get the takedown from one build", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    await read(`${base}/articles/story`);
    await read(`${base}/unpublish`, "POST");
    const build = next.holdBuild();
    const first = read(`${base}/articles/story`);
    await build.started;
    const others = [1, 2].map(() => read(`${base}/articles/story`));
    await vi.waitFor(() => expect(next.arrivals()).toBe(5));
    expect(next.builds()).toBe(2);
    build.release();
    expect((await Promise.all([first, ...others])).map((r) => [r.status, r.body])).toEqual([
      [410, "gone"],
      [410, "gone"],
      [410, "gone"],
    ]);
    expect(next.builds()).toBe(2);
  });

  it("when the build leaves no copy, the requests that waited go to Next together", async () => {
    const next = fakeNext(synced());
    const base = await serve(next.listener);
    const build = next.holdBuild();
    const first = read(`${base}/articles/failing`);
    await build.started;
    const others = [1, 2, 3].map(() => read(`${base}/articles/failing`));
    await vi.waitFor(() => expect(next.arrivals()).toBe(4));
    expect(next.failures()).toBe(1);
    build.release();
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    // One build each, none of them waiting for another: four in all.
    expect(next.failures()).toBe(4);
  });

  it("while out of step with the other instances, neither serves nor keeps copies", async () => {
    const state = synced();
    const next = fakeNext(state);
    const base = await serve(next.listener);
    await read(`${base}/articles/story`);
    state.synced = false;
    expect((await read(`${base}/articles/story`)).cache).toBe("MISS");
    expect((await read(`${base}/articles/story`)).cache).toBe("MISS");
    expect(next.builds()).toBe(3);
    expect(next.replayed()).toBe(0);
    state.synced = true;
    expect((await read(`${base}/articles/story`)).cache).toBe("HIT");
    expect(next.replayed()).toBe(1);
  });
});
