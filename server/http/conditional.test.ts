import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerConditionally, entityTag, isNotModified, notModifiedHeaders } from "./conditional";

const TAG = entityTag(new TextEncoder().encode("the page"));
const MODIFIED = "Wed, 02 Dec 2026 08:00:00 GMT";
const page = { etag: TAG, "last-modified": MODIFIED, "content-type": "text/html", "content-length": "8" };

describe("isNotModified", () => {
  it.each([
    ["the same tag", { "if-none-match": TAG }, true],
    ["the same tag, strong form", { "if-none-match": TAG.slice(2) }, true],
    ["one of a list", { "if-none-match": `"other", ${TAG}` }, true],
    ["any", { "if-none-match": "*" }, true],
    ["another tag", { "if-none-match": '"other"' }, false],
    ["another tag, and a date that would match", { "if-none-match": '"other"', "if-modified-since": MODIFIED }, false],
    ["the same second", { "if-modified-since": MODIFIED }, true],
    ["a later time", { "if-modified-since": "Thu, 03 Dec 2026 08:00:00 GMT" }, true],
    ["an earlier time", { "if-modified-since": "Wed, 02 Dec 2026 07:59:59 GMT" }, false],
    ["an unreadable date", { "if-modified-since": "yesterday-ish" }, false],
    ["a huge list", { "if-none-match": `${'"x", '.repeat(2000)}${TAG}` }, false],
    ["no condition", {}, false],
  ])("%s", (_name, request, expected) => {
    expect(isNotModified("GET", request, 200, page)).toBe(expected);
  });

  it("only for GET and HEAD answers of 200 that carry the validator asked about", () => {
    expect(isNotModified("HEAD", { "if-none-match": TAG }, 200, page)).toBe(true);
    expect(isNotModified("POST", { "if-none-match": TAG }, 200, page)).toBe(false);
    expect(isNotModified("GET", { "if-none-match": TAG }, 404, page)).toBe(false);
    expect(isNotModified("GET", { "if-none-match": TAG }, 200, { "last-modified": MODIFIED })).toBe(false);
    expect(isNotModified("GET", { "if-modified-since": MODIFIED }, 200, { etag: TAG })).toBe(false);
  });

  it("a 304 keeps the validators and drops what describes a body", () => {
    expect(notModifiedHeaders({ ...page, "content-encoding": "gzip", "cache-control": "no-cache" })).toEqual({
      etag: TAG,
      "last-modified": MODIFIED,
      "content-type": "text/html",
      "cache-control": "no-cache",
    });
  });

  it("tags differ with the body and are the same for the same body", () => {
    expect(entityTag(new TextEncoder().encode("the page"))).toBe(TAG);
    expect(entityTag(new TextEncoder().encode("the page."))).not.toBe(TAG);
    expect(TAG).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
  });
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** A server that writes its page each of the ways Next does: headers given to writeHead, set one by one, or implicit. */
async function serve(write: (res: ServerResponse) => void): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answerConditionally(req.method, req.headers, res);
    write(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stop = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ways: [string, (res: ServerResponse) => void][] = [
  [
    "headers given to writeHead, body in two writes",
    (res) => {
      res.writeHead(200, page);
      res.write("the ");
      res.end("page");
    },
  ],
  [
    "headers set one by one, body given to end",
    (res) => {
      for (const [name, value] of Object.entries(page)) res.setHeader(name, value);
      res.end("the page");
    },
  ],
];

describe("answerConditionally", () => {
  it.each(ways)("turns a matching 200 into a 304 without a body: %s", async (_name, write) => {
    const base = await serve(write);
    const unchanged = await fetch(base, { headers: { "if-none-match": TAG } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(TAG);
    expect(unchanged.headers.get("content-length")).toBeNull();
    expect(await unchanged.text()).toBe("");
    const dated = await fetch(base, { headers: { "if-modified-since": MODIFIED } });
    expect(dated.status).toBe(304);
    const changed = await fetch(base, { headers: { "if-none-match": '"older"' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe("the page");
    const plain = await fetch(base);
    expect(await plain.text()).toBe("the page");
  });

  it("leaves other answers alone", async () => {
    const base = await serve((res) => {
      res.writeHead(404, { etag: TAG, "last-modified": MODIFIED });
      res.end("gone");
    });
    const missing = await fetch(base, { headers: { "if-none-match": TAG } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("gone");
  });
});
