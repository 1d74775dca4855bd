import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { recordResponse, type RecordedResponse } from "./record-response";

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Serves one handler on a real socket and gives back what the client received and what was recorded. */
async function exchange(handler: (res: ServerResponse) => void, maxBodyBytes = 1_000_000) {
  let recordedNow: (value: RecordedResponse | null) => void = () => undefined;
  const recorded = new Promise<RecordedResponse | null>((resolve) => (recordedNow = resolve));
  const server = createServer((_req, res) => {
    const recorder = recordResponse(res, maxBodyBytes);
    res.once("close", () => recordedNow(recorder.result()));
    handler(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  const received = await fetch(`http://127.0.0.1:${port}/`)
    .then(async (response) => ({ status: response.status, body: Buffer.from(await response.arrayBuffer()) }))
    .catch(() => undefined); // a response cut off midway fails on the client
  return { recorded: await recorded, received };
}

describe("recording a response while it is sent", () => {
  it("records status, headers set before and given to writeHead, and every written chunk", async () => {
    const { recorded, received } = await exchange((res) => {
      res.setHeader("X-Before", "1");
      res.writeHead(410, { "Content-Type": "text/html; charset=utf-8" });
      res.write("<p>Gone ");
      res.write(Buffer.from("for good"));
      res.write(new Uint8Array([33]));
      res.end("</p>", "utf8");
    });
    expect(received?.status).toBe(410);
    expect(received?.body.toString()).toBe("<p>Gone for good!</p>");
    expect(recorded?.status).toBe(410);
    expect(recorded?.headers).toMatchObject({ "x-before": "1", "content-type": "text/html; charset=utf-8" });
    expect(recorded?.body.toString()).toBe("<p>Gone for good!</p>");
  });

  it("records implicit headers and the bytes as sent, compressed ones included", async () => {
    const compressed = gzipSync("a compressed page");
    const { recorded, received } = await exchange((res) => {
      res.statusCode = 200;
      res.setHeader("Content-Encoding", "gzip");
      res.end(compressed);
    });
    expect(received?.body.toString()).toBe("a compressed page");
    expect(recorded?.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(recorded?.body ?? Buffer.alloc(0)).toString()).toBe("a compressed page");
  });

  it("gives nothing for a response that was cut off or grew past the limit, and still sends it", async () => {
    const cut = await exchange((res) => {
      res.writeHead(200);
      res.write("half a page");
      res.destroy();
    });
    expect(cut.recorded).toBeNull();

    const big = await exchange((res) => {
      res.write("x".repeat(600));
      res.end("y".repeat(600));
    }, 1_000);
    expect(big.recorded).toBeNull();
    expect(big.received?.body.length).toBe(1_200);
  });
});
