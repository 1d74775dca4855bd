// bench/public-read: how close the cached public pages come to the practical limit of this
// machine. autocannon drives the production app (`npm start`: Next behind the server's memory
// copy of its page cache) on the article page and home page, and, in the same run, a bare Node
// `http` server (its own process) answering from memory with the same answer: the same status,
// headers (the security headers every page carries among them) and body. Prints req/s, p99 and
// errors for each, and the ratio. For scale it also prints the bare server sending the body
// with two headers only: on a small page, parsing and sending the headers a real page needs is
// a good part of the cost, for the server and for the client; and the same-answer server in a
// process that has also loaded Next, which shows what Next's presence costs every request in the
// process, the app's copies included. Asserts nothing.
//   npm run build && npm run bench:public-read
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { startApp } from "./app-server";

const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

interface Page {
  body: Buffer;
  /** The app's answer's headers, as sent (Node adds Date, Connection and Keep-Alive itself). */
  headers: [string, string][];
}

type Baseline = "same answer" | "two headers" | "same answer, Next loaded";

/**
 * The baseline: a bare Node `http` server in its own process (as the app's server is),
 * answering from memory with the app's status 200, headers and body ("same answer"), or with
 * the body and two headers only. "same answer, Next loaded" is the first in a process that has
 * also loaded this build of Next and let it answer one request, as the app's server has: what
 * running Next in the process costs every other request there (Next's AsyncLocalStorage turns
 * on Node 20's async hooks for every socket and request). The pages are handed over on its
 * standard input.
 */
async function bareServer(pages: Map<string, Page>, kind: Baseline): Promise<{ url: string; close: () => void }> {
  const source = `
    const http = require("node:http");
    let input = "";
    process.stdin.on("data", (c) => (input += c)).on("end", async () => {
      const pages = new Map(JSON.parse(input).map(([path, headers, body]) => [path, { headers, body: Buffer.from(body, "base64") }]));
      let next = null;
      if (${kind === "same answer, Next loaded"}) {
        const app = require("next")({ dev: false, dir: process.cwd() });
        await app.prepare();
        next = app.getRequestHandler();
      }
      const server = http.createServer((req, res) => {
        const page = pages.get(req.url);
        if (!page) return next ? next(req, res) : res.writeHead(404).end();
        res.writeHead(200, ${kind === "two headers" ? `{ "Content-Type": "text/html; charset=utf-8", "Content-Length": page.body.length }` : "page.headers.flat()"});
        res.end(page.body);
      });
      server.listen(0, "127.0.0.1", async () => {
        const base = "http://127.0.0.1:" + server.address().port;
        if (next) await (await fetch(base + "/_not-found")).arrayBuffer();
        console.log("listening on port " + server.address().port);
      });
    });`;
  const child = spawn(process.execPath, ["-e", source], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  child.stdin.end(JSON.stringify([...pages].map(([path, page]) => [path, page.headers, page.body.toString("base64")])));
  // Next prints lines of its own on the way.
  const port = await new Promise<string>((resolve) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on port (\d+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
  });
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

const line = (label: string, f: Figures) =>
  `${label.padEnd(30)} ${f.rps.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}   non-2xx ${f.non2xx}`;

async function main() {
  const app = await startApp("public-read");
  try {
    // A story's address from the sitemap index's first month of stories.
    const index = await (await fetch(`${app.base}/sitemap.xml`)).text();
    const month = /<loc>([^<]*\/sitemaps\/stories-[^<]+)<\/loc>/.exec(index)?.[1];
    if (!month) throw new Error("The sitemap index lists no stories.");
    const sitemap = await (await fetch(`${app.base}${new URL(month).pathname}`)).text();
    const story = /<loc>([^<]*\/articles\/[^<]+)<\/loc>/.exec(sitemap)?.[1];
    if (!story) throw new Error("The stories' sitemap lists no story.");
    const articlePath = new URL(story).pathname;
    const pages = new Map<string, Page>();
    for (const path of [articlePath, "/"]) {
      // As autocannon asks: no compression (fetch would ask for gzip and hand back the body unpacked).
      const asked = { headers: { "accept-encoding": "" } };
      await (await fetch(`${app.base}${path}`, asked)).arrayBuffer(); // fills the caches
      const response = await fetch(`${app.base}${path}`, asked);
      const served = `${response.headers.get("x-masthead-cache")}/${response.headers.get("x-nextjs-cache")}`;
      if (served !== "HIT/HIT") console.warn(`warning: ${path} was not served from the cache (front/Next: ${served})`);
      pages.set(path, {
        body: Buffer.from(await response.arrayBuffer()),
        headers: [...response.headers].filter(([name]) => !["date", "connection", "keep-alive"].includes(name)),
      });
    }
    const bare = await bareServer(pages, "same answer");
    const bodyOnly = await bareServer(pages, "two headers");
    const withNext = await bareServer(pages, "same answer, Next loaded");
    console.log(`bench/public-read — ${CONNECTIONS} connections, ${DURATION_S} s each, same machine`);
    // What Next itself manages here: about the cheapest answer it gives, a route handler
    // returning a fixed JSON line, which the front copy leaves to Next.
    const ceiling = await load(`${app.base}/api/health/live`);
    console.log(
      `${"Next's /api/health/live".padEnd(30)} ${ceiling.rps.toFixed(0).padStart(7)} req/s   p99 ${String(ceiling.p99).padStart(4)} ms   (through Next on every request; a fixed JSON line)`,
    );
    for (const [label, path] of [
      ["article page", articlePath],
      ["home page", "/"],
    ] as const) {
      const bytes = pages.get(path)?.body.length ?? 0;
      const next = await load(`${app.base}${path}`);
      const baseline = await load(`${bare.url}${path}`);
      const plain = await load(`${bodyOnly.url}${path}`);
      const inNext = await load(`${withNext.url}${path}`);
      const ratio = next.rps / baseline.rps;
      const headerBytes = pages.get(path)?.headers.reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0) ?? 0;
      console.log(`${label} (${bytes.toLocaleString("en")} bytes, ${headerBytes} bytes of headers)`);
      console.log(line("  Masthead (npm start, cached)", next));
      console.log(line("  bare node http, same answer", baseline));
      console.log(`${line("  bare, body and 2 headers", plain)}   (ratio to it ${(next.rps / plain.rps).toFixed(3)})`);
      console.log(
        `${line("  bare, same answer, Next loaded", inNext)}   (ratio to it ${(next.rps / inNext.rps).toFixed(3)}; it is ${(inNext.rps / baseline.rps).toFixed(2)} of bare)`,
      );
      console.log(`  ${(next.rps / ceiling.rps).toFixed(1)}× Next's own cheapest answer above`);
      console.log(
        `  ratio ${ratio.toFixed(3)} (target ≥ 0.85: ${ratio >= 0.85 ? "met" : "NOT met"}); p99 target < 50 ms: ${next.p99 < 50 ? "met" : "NOT met"}; errors: ${next.errors + next.non2xx === 0 ? "none" : "SOME"}`,
      );
    }
    bare.close();
    bodyOnly.close();
    withNext.close();
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
