import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A real server in a child process (the log goes to its standard output): the handler logs a
 * line of its own after an await, then answers. Returns the answers' x-request-id headers and
 * the JSON lines logged.
 */
function run(trustIncomingId: boolean, sentId?: string) {
  const script = `
    const http = require("node:http");
    const { tagRequests } = require("./server/http/request-log.ts");
    const { log } = require("./server/log.ts");
    const server = http.createServer(tagRequests(async (req, res) => {
      await new Promise((r) => setTimeout(r, 5));
      log().info({ step: "inside" }, "handler ran");
      res.end("ok");
    }, { trustIncomingId: ${trustIncomingId} }));
    server.listen(0, "127.0.0.1", async () => {
      const url = "http://127.0.0.1:" + server.address().port + "/articles/a?q=private";
      const ids = [];
      for (let i = 0; i < 2; i++) {
        const r = await fetch(url, { headers: ${JSON.stringify(sentId ? { "x-request-id": sentId } : {})} });
        ids.push(r.headers.get("x-request-id"));
      }
      await new Promise((r) => setTimeout(r, 50));
      process.stderr.write(JSON.stringify(ids));
      server.close();
    });`;
  // Each run starts a Node process with tsx: seconds on a busy machine.
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = child.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ids: JSON.parse(child.stderr.trim().split("\n").pop() ?? "[]") as string[], lines };
}

describe("request ids and the request log", () => {
  it("gives each request its own id, answers it, and puts it on every line the request logs", () => {
    const { ids, lines } = run(false);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) {
      const mine = lines.filter((line) => line.requestId === id);
      expect(mine.map((line) => line.msg)).toEqual(["handler ran", "request"]);
      expect(mine[1]).toMatchObject({ method: "GET", path: "/articles/a", status: 200, group: "public_articles" });
    }
    // The query string (a search, a token) is never logged.
    expect(JSON.stringify(lines)).not.toContain("private");
  }, 60_000);

  it("uses a trusted proxy's well-formed X-Request-Id, and ignores it from anyone else", () => {
    expect(run(true, "nginx-0123456789abcdef").ids).toEqual(["nginx-0123456789abcdef", "nginx-0123456789abcdef"]);
    expect(run(false, "nginx-0123456789abcdef").ids).not.toContain("nginx-0123456789abcdef");
    expect(run(true, "bad id with spaces").ids).not.toContain("bad id with spaces");
  }, 120_000);
});
