import { expect, test } from "@playwright/test";
import { DEMO_DRAFT, SAMPLE } from "./fixtures/accounts";
import { FROM_SITE } from "./fixtures/site";

test("the home page leads to published stories only, and the sample's page shows every part", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(DEMO_DRAFT)).toHaveCount(0);
  // Other specs publish stories too: the lead is whichever is newest.
  const lead = page.locator("main article h2 a").first();
  const leadHeadline = (await lead.textContent()) ?? "";
  await lead.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(leadHeadline);

  await page.goto(SAMPLE.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  await expect(page.getByText(SAMPLE.standfirst, { exact: true })).toBeVisible();
  const figure = page.locator("figure");
  await expect(figure.locator("figcaption")).toContainText(SAMPLE.caption);
  await expect(figure.locator("figcaption")).toContainText(`Photo: ${SAMPLE.credit}`);
  const image = figure.getByRole("img", { name: SAMPLE.caption });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator(".article-body > p")).toHaveCount(SAMPLE.paragraphs);
  // The article's own byline, under its headline (story cards further down carry bylines too).
  await expect(page.locator("h1 ~ div").first().getByText("By Wendy Writer")).toBeVisible();
  await expect(page.locator("time[datetime]").first()).toBeVisible();
  await expect(page).toHaveTitle(`${SAMPLE.headline} · Masthead`);
});

test("unknown and malformed public addresses are the site's own 404: no script, no canonical link", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  for (const path of [
    "/articles/no-such-story",
    "/articles/UPPER_case",
    "/articles/%3Cscript%3E",
    `/articles/${"a".repeat(300)}`,
    "/sections/no-such-section",
    "/tags/no-such-tag/page/2",
    "/sitemaps/stories-1999-01.xml",
    // Addresses no route takes at all: still the site's page, not Next's (which has scripts).
    "/no-such-page",
    "/wp-admin/setup-config.php",
    "/SEARCH",
    "/articles/no-such-story/extra",
    "/signin/no-such-step",
    "/_not-found",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.locator('link[rel="canonical"], script:not([type="application/ld+json"])'), path).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute("content", "noindex, follow");
  }
  expect(scripts).toEqual([]);
});

test("other methods on an unknown address get the same script-free 404, and the public page's policy", async ({
  request,
}) => {
  for (const method of ["POST", "PUT", "DELETE"]) {
    const response = await request.fetch("/no-such-page", { method, data: "x=1" });
    expect(response.status(), method).toBe(404);
    expect(await response.text(), method).toContain("Page not found");
    expect(await response.text(), method).not.toContain("<script");
    expect(response.headers()["content-security-policy"], method).toContain("script-src 'none'");
  }
});

test("readiness answers 200 with the database, media store and cache channel in order; liveness too", async ({
  request,
}) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: "reachable",
    mediaStore: "ok",
    publicSite: "ready",
  });
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "alive" });
});

test("public pages send security headers, also when answered from the server's memory copy", async ({ request }) => {
  const seen = new Set<string>();
  // Read until a response answered from memory has been checked too (other tests running at
  // the same time may empty the memory copy in between).
  await expect
    .poll(async () => {
      const response = await request.get("/");
      expect(response.status()).toBe(200);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["content-security-policy"]).toContain("script-src 'none'");
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
      expect(response.headers()["content-type"]).toBe("text/html; charset=utf-8");
      seen.add(response.headers()["x-masthead-cache"] ?? "none");
      return seen.has("HIT");
    })
    .toBe(true);
});

test("malformed API requests get a 4xx answer, never a 500", async ({ request }) => {
  const cases = [
    request.post("/api/trpc/article.create", {
      headers: { ...FROM_SITE, "content-type": "application/json" },
      data: "{not json",
    }),
    request.get("/api/trpc/site.article?input=%7Bbroken"),
    request.get(`/api/trpc/site.article?input=${encodeURIComponent(JSON.stringify({ json: { slug: "../../etc" } }))}`),
    request.get("/api/trpc/no.such.procedure"),
    request.post("/api/trpc/user.create", { headers: FROM_SITE, data: { json: { email: "x@example.com" } } }),
  ];
  for (const response of await Promise.all(cases)) {
    expect(response.status(), response.url()).toBeGreaterThanOrEqual(400);
    expect(response.status(), response.url()).toBeLessThan(500);
  }
});

test("reader pages ship no editor code (they ship no script at all)", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/");
  await page.locator("main article h2 a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(SAMPLE.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  expect(scripts).toEqual([]);
  expect(await page.content()).not.toMatch(/prosemirror|@tiptap|ProseMirror-|insertContentAt/);
});
