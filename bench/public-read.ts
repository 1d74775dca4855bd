// bench/public-read: how close the cached public pages come to the practical limit of this
// machine. autocannon drives the production app (`npm start`: Next behind the server's memory
// copy of its page cache) on the article page and home page, and, in the same run, a bare Node
// `http` server (its own process) answering the same bytes from memory. Prints req/s, p99 and
// errors for each, and the ratio. Asserts nothing.
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

/**
 * The baseline: a bare Node `http` server in its own process (as the app's server is), answering
 * the same bytes from memory. The pages are handed over on its standard input.
 */
async function bareServer(
  pages: Map<string, { body: Buffer; type: string }>,
): Promise<{ url: string; close: () => void }> {
  const source = `
    const http = require("node:http");
    let input = "";
    process.stdin.on("data", (c) => (input += c)).on("end", () => {
      const pages = new Map(JSON.parse(input).map(([path, type, body]) => [path, { type, body: Buffer.from(body, "base64") }]));
      const server = http.createServer((req, res) => {
        const page = pages.get(req.url);
        if (!page) return res.writeHead(404).end();
        res.writeHead(200, { "Content-Type": page.type, "Content-Length": page.body.length });
        res.end(page.body);
      });
      server.listen(0, "127.0.0.1", () => console.log(server.address().port));
    });`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin.end(JSON.stringify([...pages].map(([path, page]) => [path, page.type, page.body.toString("base64")])));
  const port = await new Promise<string>((resolve) =>
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

const line = (label: string, f: Figures) =>
  `${label.padEnd(30)} ${f.rps.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}   non-2xx ${f.non2xx}`;

async function main() {
  const app = await startApp("public-read");
  try {
    const sitemap = await (await fetch(`${app.base}/sitemap.xml`)).text();
    const articlePath = new URL(/<loc>([^<]*\/articles\/[^<]+)<\/loc>/.exec(sitemap)?.[1] ?? `${app.base}/`).pathname;
    const pages = new Map<string, { body: Buffer; type: string }>();
    for (const path of [articlePath, "/"]) {
      await (await fetch(`${app.base}${path}`)).arrayBuffer(); // fills the caches
      const response = await fetch(`${app.base}${path}`);
      const served = `${response.headers.get("x-masthead-cache")}/${response.headers.get("x-nextjs-cache")}`;
      if (served !== "HIT/HIT") console.warn(`warning: ${path} was not served from the cache (front/Next: ${served})`);
      pages.set(path, {
        body: Buffer.from(await response.arrayBuffer()),
        type: response.headers.get("content-type") ?? "text/html",
      });
    }
    const bare = await bareServer(pages);
    console.log(`bench/public-read — ${CONNECTIONS} connections, ${DURATION_S} s each, same machine`);
    // What Next itself manages here: its prerendered 404 page, the cheapest page it serves,
    // which the front copy leaves to Next (it answers 404 with no page-cache header).
    const ceiling = await load(`${app.base}/_not-found`);
    console.log(
      `${"Next's prerendered /_not-found".padEnd(30)} ${ceiling.rps.toFixed(0).padStart(7)} req/s   p99 ${String(ceiling.p99).padStart(4)} ms   (through Next on every request; answers 404)`,
    );
    for (const [label, path] of [
      ["article page", articlePath],
      ["home page", "/"],
    ] as const) {
      const bytes = pages.get(path)?.body.length ?? 0;
      const next = await load(`${app.base}${path}`);
      const baseline = await load(`${bare.url}${path}`);
      const ratio = next.rps / baseline.rps;
      console.log(`${label} (${bytes.toLocaleString("en")} bytes)`);
      console.log(line("  Masthead (npm start, cached)", next));
      console.log(line("  bare node http, from memory", baseline));
      console.log(`  ${(next.rps / ceiling.rps).toFixed(1)}× Next's own 404 page above`);
      console.log(
        `  ratio ${ratio.toFixed(3)} (target ≥ 0.85: ${ratio >= 0.85 ? "met" : "NOT met"}); p99 target < 50 ms: ${next.p99 < 50 ? "met" : "NOT met"}; errors: ${next.errors + next.non2xx === 0 ? "none" : "SOME"}`,
      );
    }
    bare.close();
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
