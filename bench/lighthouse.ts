// bench/lighthouse: Lighthouse (mobile preset, the default) in Debian's Chromium on the
// production app's home and article pages. Prints the four category scores for each, next to
// the targets. Asserts nothing.
//   npm run build && npm run bench:lighthouse
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startApp } from "./app-server";

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;

async function main() {
  const app = await startApp("lighthouse");
  const chrome = await chromeLauncher.launch({
    chromePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const sitemap = await (await fetch(`${app.base}/sitemap.xml`)).text();
    const article = /<loc>([^<]*\/articles\/[^<]+)<\/loc>/.exec(sitemap)?.[1] ?? `${app.base}/`;
    console.log("bench/lighthouse — mobile preset, Chromium, production build");
    for (const [label, url] of [["home", `${app.base}/`], ["article", article]] as const) {
      await fetch(url); // served from the cache from here on, as readers get it
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(TARGETS) });
      const categories = result?.lhr.categories ?? {};
      const scores = Object.entries(TARGETS).map(([id, target]) => {
        const score = Math.round((categories[id]?.score ?? 0) * 100);
        return `${id} ${score}${score >= target ? "" : ` (target ${target}: NOT met)`}`;
      });
      console.log(`${label.padEnd(8)} ${scores.join("   ")}`);
      const audits = result?.lhr.audits ?? {};
      const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary").map((a) => a.id);
      if (failing.length > 0) console.log(`         failing audits: ${failing.join(", ")}`);
      console.log(`         LCP ${audits["largest-contentful-paint"]?.displayValue ?? "?"}, CLS ${audits["cumulative-layout-shift"]?.displayValue ?? "?"}, TBT ${audits["total-blocking-time"]?.displayValue ?? "?"}`);
    }
  } finally {
    chrome.kill();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
