// bench/lighthouse: Lighthouse (mobile preset, the default) in Debian's Chromium on the
// production app's home and article pages. Prints the four category scores for each, next to
// the targets. Asserts nothing.
//   npm run build && npm run bench:lighthouse
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startApp } from "./app-server";

// Lighthouse runs through its own CLI: it sends functions into the page as source text, and
// the TypeScript loader's helpers would not exist there.
const run = promisify(execFile);

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { id: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}

async function lighthouse(url: string): Promise<Report> {
  const { stdout } = await run(
    process.execPath,
    [
      path.join("node_modules", "lighthouse", "cli", "index.js"),
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${Object.keys(TARGETS).join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ],
    {
      env: { ...process.env, ...(existsSync("/usr/bin/chromium") ? { CHROME_PATH: "/usr/bin/chromium" } : {}) },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Report;
}

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;

async function main() {
  const app = await startApp("lighthouse");
  try {
    const sitemap = await (await fetch(`${app.base}/sitemap.xml`)).text();
    const article = /<loc>([^<]*\/articles\/[^<]+)<\/loc>/.exec(sitemap)?.[1] ?? `${app.base}/`;
    console.log("bench/lighthouse — mobile preset, Chromium, production build");
    for (const [label, url] of [
      ["home", `${app.base}/`],
      ["article", article],
    ] as const) {
      await fetch(url); // served from the cache from here on, as readers get it
      const result = await lighthouse(url);
      const categories = result.categories;
      const scores = Object.entries(TARGETS).map(([id, target]) => {
        const score = Math.round((categories[id]?.score ?? 0) * 100);
        return `${id} ${score}${score >= target ? "" : ` (target ${target}: NOT met)`}`;
      });
      console.log(`${label.padEnd(8)} ${scores.join("   ")}`);
      const audits = result.audits;
      const failing = Object.values(audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      if (failing.length > 0) console.log(`         failing audits: ${failing.join(", ")}`);
      console.log(
        `         LCP ${audits["largest-contentful-paint"]?.displayValue ?? "?"}, CLS ${audits["cumulative-layout-shift"]?.displayValue ?? "?"}, TBT ${audits["total-blocking-time"]?.displayValue ?? "?"}`,
      );
    }
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
