import { chromium } from "@playwright/test";
(async () => {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const base = "http://localhost:3100";
  const sm = await (await fetch(`${base}/sitemap.xml`)).text();
  const article = sm.match(/\/articles\/[a-z0-9-]+/)?.[0] ?? "/";
  for (const [name, url, w, dark] of [["home", "/", 1280, false], ["article", article, 1280, false], ["article-phone", article, 390, false], ["article-dark", article, 1280, true], ["search", "/search?q=Lavrov", 1280, false]] as const) {
    const ctx = await b.newContext({ viewport: { width: w, height: 900 }, colorScheme: dark ? "dark" : "light" });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
    await page.goto(base + url);
    await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
    console.log(name, errors);
    await ctx.close();
  }
  await b.close();
})();
