import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_API_BODY_BYTES } from "@/lib/api-limits";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "./client-address";
import { bodyLimit, guardRequests, wellFormedPath } from "./request-guard";

let close: (() => void) | undefined;
afterEach(() => close?.());

interface Seen {
  calls: number;
  bytes: number;
  address: string | undefined;
  /** The Accept-Encoding Next would see (it compresses its answer when there is one). */
  encoding: string | undefined;
}

/** A stand-in for Next behind the guard: reads the whole body, then says how much it got. */
async function serve(options = { trusted: parseTrustedProxies(""), hsts: false }) {
  const seen: Seen = { calls: 0, bytes: 0, address: undefined, encoding: undefined };
  const server = createServer(
    guardRequests((req, res) => {
      seen.calls += 1;
      seen.address = req.headers[CLIENT_ADDRESS_HEADER] as string | undefined;
      seen.encoding = req.headers["accept-encoding"];
      req.on("data", (chunk: Buffer) => (seen.bytes += chunk.length));
      req.on("error", () => undefined);
      req.on("end", () => res.end(`got ${seen.bytes}`));
    }, options),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return { port: (server.address() as AddressInfo).port, seen };
}

interface Answer {
  status: number;
  body: string;
  headers: IncomingMessage["headers"];
}

/** Sends `total` bytes in 64 KB chunks (chunked, no Content-Length unless `declare`), as fast as the server takes them. */
function send(
  port: number,
  path: string,
  total: number,
  init: { declare?: number; headers?: Record<string, string> } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.declare !== undefined) headers["content-length"] = init.declare;
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!req.write(chunk.subarray(0, size))) return void req.once("drain", pump);
      }
      req.end();
    };
    // A refused upload closes the connection: stop sending then.
    req.on("response", () => (sent = total));
    pump();
  });
}

describe("the front server's guard", () => {
  it("knows each address's body limit", () => {
    expect(bodyLimit("/api/media")).toBe(15 * 1024 * 1024 + 64 * 1024);
    expect(bodyLimit("/api/trpc/article.importMarkdown")).toBeGreaterThan(2 * 1024 * 1024);
    expect(bodyLimit("/api/trpc/article.update,article.get")).toBe(MAX_API_BODY_BYTES);
    expect(bodyLimit("/api/auth/callback/credentials")).toBe(MAX_API_BODY_BYTES);
    expect(bodyLimit("/articles/x")).toBe(64 * 1024);
  });

  it("tells broken %-encoding from good", () => {
    expect(wellFormedPath("/articles/caf%C3%A9?q=%ff")).toBe(true);
    for (const path of ["/api/trpc/%ff", "/media/..%c0%af", "/x/%", "/x/%zz"]) expect(wellFormedPath(path)).toBe(false);
  });

  it("answers 413 to a declared oversize body without reading it or calling the app", async () => {
    const { port, seen } = await serve();
    const answer = await send(port, "/api/trpc/user.list", 4 * 1024 * 1024, { declare: 4 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/at most 1 MB/);
    expect(seen.calls).toBe(0);
  });

  it("cuts off a chunked body at the limit, whatever size it would have been", async () => {
    const { port, seen } = await serve();
    const answer = await send(port, "/api/auth/callback/credentials", 50 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(seen.bytes).toBeLessThanOrEqual(MAX_API_BODY_BYTES);
    // The server goes on answering.
    expect((await send(port, "/api/health", 0)).status).toBe(200);
  });

  it("passes bodies within the limit through whole, chunked or not", async () => {
    const { port, seen } = await serve();
    const chunked = await send(port, "/api/trpc/article.update", 900 * 1024);
    expect(chunked).toMatchObject({ status: 200, body: `got ${900 * 1024}` });
    seen.bytes = 0;
    const declared = await send(port, "/api/media", 3 * 1024 * 1024, { declare: 3 * 1024 * 1024 });
    expect(declared).toMatchObject({ status: 200, body: `got ${3 * 1024 * 1024}` });
  });

  it("answers a path with broken %-encoding with 400 and never calls the app", async () => {
    const { port, seen } = await serve();
    const answer = await send(port, "/media/..%c0%af", 0);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/broken %-encoding/);
    expect(seen.calls).toBe(0);
  });

  it("gives the app the socket's address, not one the client claims", async () => {
    const { port, seen } = await serve();
    await send(port, "/", 0, { headers: { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" } });
    expect(seen.address).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For from a trusted proxy, and sends HSTS when asked", async () => {
    const { port, seen } = await serve({ trusted: parseTrustedProxies("127.0.0.1"), hsts: true });
    const answer = await send(port, "/", 0, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9" } });
    expect(seen.address).toBe("203.0.113.9");
    expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("lets Next compress pages and queries but not the answers to API writes", async () => {
    const { port, seen } = await serve();
    const gzip = { headers: { "accept-encoding": "gzip, br" } };
    await send(port, "/api/trpc/article.update", 10, gzip);
    expect(seen.encoding).toBeUndefined();
    await send(port, "/world/a-story", 0, gzip);
    expect(seen.encoding).toBe("gzip, br");
    await new Promise<void>((resolve, reject) =>
      request({ host: "127.0.0.1", port, path: "/api/trpc/article.get?input=%7B%7D", ...gzip }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
        .on("error", reject)
        .end(),
    );
    expect(seen.encoding).toBe("gzip, br");
  });
});
