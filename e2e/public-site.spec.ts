import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { SAMPLE, storageState } from "./fixtures/accounts";
import { expectAxeClean } from "./fixtures/axe";
import { mutate, paragraphsDoc, publishStory } from "./fixtures/api";
import { FROM_SITE } from "./fixtures/site";

const xml = new XMLParser({ ignoreAttributes: false });
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function editorRequest(browser: import("@playwright/test").Browser): Promise<APIRequestContext> {
  return (await browser.newContext({ storageState: storageState("editor") })).request;
}

/** A JPEG's width and height, from its start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let at = 2; at + 9 < bytes.length;) {
    const marker = bytes[at + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error("not a JPEG");
}

/** The sample story's hero: a media-library image other test stories can use. */
async function sampleHeroUrl(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(SAMPLE.path)).text();
  const src = /<img src="(\/media\/[^"]+\.jpg)"/.exec(html)?.[1];
  if (!src) throw new Error("the sample story has no hero image");
  return src;
}

/** Every address in the sitemap index's children. */
async function everySitemapAddress(request: APIRequestContext): Promise<string[]> {
  const index = xml.parse(await (await request.get("/sitemap.xml")).text());
  const children = asArray<{ loc: string }>(index.sitemapindex.sitemap).map((s) => new URL(s.loc).pathname);
  const parts = await Promise.all(children.map(async (child) => xml.parse(await (await request.get(child)).text())));
  return parts.flatMap((part) => asArray<{ loc: string }>(part.urlset.url).map((u) => u.loc));
}

/** Where a story shows up, each read fresh (the first request after a change). */
async function presence(request: APIRequestContext, slug: string, word: string) {
  const read = async (path: string) => (await request.get(path)).text();
  const [rss, atom, sitemap, news, home, search] = await Promise.all([
    read("/feed.xml"),
    read("/atom.xml"),
    everySitemapAddress(request),
    request.get("/news-sitemap.xml").then(async (r) => (r.status() === 404 ? "" : r.text())),
    read("/"),
    read(`/search?q=${encodeURIComponent(word)}`),
  ]);
  const shareImage = (await request.get(`/articles/${slug}/image`)).status();
  const path = `/articles/${slug}`;
  return {
    rss: asArray<{ link: string }>(xml.parse(rss).rss.channel.item).some((i) => i.link.endsWith(path)),
    atom: asArray<{ link: { "@_href": string } }>(xml.parse(atom).feed.entry).some((e) =>
      e.link["@_href"].endsWith(path),
    ),
    sitemap: sitemap.some((loc) => loc.endsWith(path)),
    newsSitemap: news !== "" && asArray<{ loc: string }>(xml.parse(news).urlset.url).some((u) => u.loc.endsWith(path)),
    home: home.includes(`href="${path}"`),
    search: search.includes(`href="${path}"`),
    shareImage: shareImage === 200,
  };
}

test("the sample story's page has every part, correct meta tags and JSON-LD", async ({ page, request }) => {
  await page.goto(SAMPLE.path);
  const url = page.url();
  const head = (selector: string, attribute = "content") => page.locator(selector).getAttribute(attribute);
  expect(await head('link[rel="canonical"]', "href")).toBe(url);
  expect(await head('meta[property="og:title"]')).toBe(SAMPLE.headline);
  expect(await head('meta[property="og:type"]')).toBe("article");
  expect(await head('meta[property="og:url"]')).toBe(url);
  // The hero cut to 16:9 around its focal point, and in 4:3 and 1:1 for JSON-LD: each a real JPEG that size.
  expect(await head('meta[property="og:image"]')).toBe(`${url}/image/16x9`);
  expect([await head('meta[property="og:image:width"]'), await head('meta[property="og:image:height"]')]).toEqual([
    "1200",
    "675",
  ]);
  for (const [ratio, height] of [
    ["16x9", 675],
    ["4x3", 900],
    ["1x1", 1200],
  ] as const) {
    const shareImage = await request.get(new URL(`${url}/image/${ratio}`).pathname);
    expect(shareImage.status(), ratio).toBe(200);
    expect(shareImage.headers()["content-type"], ratio).toBe("image/jpeg");
    expect(jpegSize(await shareImage.body()), ratio).toEqual({ width: 1200, height });
  }
  expect((await request.get(new URL(`${url}/image/2x1`).pathname)).status()).toBe(404);
  expect(await head('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await head('meta[name="description"]')).toBe(SAMPLE.standfirst);

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<
    string,
    unknown
  >;
  expect(ld).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: SAMPLE.headline,
    description: SAMPLE.standfirst,
    articleSection: "World",
    author: [{ "@type": "Person", name: "Wendy Writer", url: expect.stringMatching(/\/authors\/wendy-writer$/) }],
    publisher: {
      "@type": "NewsMediaOrganization",
      name: "Masthead",
      logo: { "@type": "ImageObject", url: expect.stringMatching(/\/logo\.png$/) },
    },
  });
  expect(String(ld.keywords)).toContain("Syria");
  expect(ld.image).toEqual(["16x9", "4x3", "1x1"].map((ratio) => `${url}/image/${ratio}`));
  expect(Date.parse(String(ld.datePublished))).not.toBeNaN();
  expect(Date.parse(String(ld.dateModified))).not.toBeNaN();
  expect(
    (
      await request.get(String((ld.publisher as { logo: { url: string } }).logo.url).replace(/^http:\/\/[^/]+/, ""))
    ).status(),
  ).toBe(200);

  // Hero with renditions and reserved space; bylines link to the author's page; tags link.
  const hero = page.locator("main figure").first().locator("img");
  expect(await hero.getAttribute("width")).toBe("1600");
  expect(await hero.getAttribute("height")).toBe("900");
  await expect(page.locator("main figure").first().locator('source[type="image/avif"]')).toHaveCount(1);
  await page.getByRole("link", { name: "Wendy Writer" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wendy Writer");
  // Newest first, ten to a page: other specs' stories by her may push the sample further back.
  const sampleLink = page.getByRole("link", { name: SAMPLE.headline });
  for (let pages = 1; pages < 20 && (await sampleLink.count()) === 0; pages++) {
    await page.getByRole("link", { name: "Older stories →" }).click();
    await expect(page).toHaveURL(new RegExp(`/page/${pages + 1}$`));
  }
  await expect(sampleLink).toBeVisible();

  // The sample story is in every feed and sitemap, and found by search with the word marked.
  // (Not asked of the home page: by now other specs' stories have pushed it off; a story's
  // arrival on the home page is checked with a new one in "a new story appears everywhere".)
  const slug = new URL(url).pathname.split("/").pop() ?? "";
  expect(await presence(request, slug, "Lavrov")).toEqual({
    rss: true,
    atom: true,
    sitemap: true,
    newsSitemap: true,
    home: expect.any(Boolean),
    search: true,
    shareImage: true,
  });
  await page.goto("/search?q=Lavrov");
  await expect(page.getByRole("status")).toHaveText(/1 story matches “Lavrov”/);
  await expect(page.locator("mark").first()).toHaveText("Lavrov");
});

test("a new story appears everywhere, its old address redirects, and after unpublishing it is gone everywhere at once", async ({
  browser,
  request,
}) => {
  const editor = await editorRequest(browser);
  const word = `Quokkafest${Date.now()}`;
  const hero = {
    url: await sampleHeroUrl(request),
    caption: "The harbour.",
    credit: "Masthead",
    alt: "Boats in the harbour",
  };
  const story = await publishStory(editor, {
    headline: `Harbour festival ${word}`,
    standfirst: "Thousands expected.",
    body: paragraphsDoc(`The ${word} opens on Friday.`),
    tags: ["Festivals"],
    hero,
  });
  expect(await presence(request, story.slug, word)).toEqual({
    rss: true,
    atom: true,
    sitemap: true,
    newsSitemap: true,
    home: true,
    search: true,
    shareImage: true,
  });
  expect((await request.get("/tags/festivals")).status()).toBe(200);

  // A new address: the old one answers 301 to it, on the first request.
  const moved = await mutate<{ version: number; slug: string }>(editor, "article.changeSlug", {
    id: story.id,
    version: story.version,
    slug: `${story.slug}-moved`,
  });
  const old = await request.get(`/articles/${story.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe(`/articles/${moved.slug}`);
  expect((await request.get(`/articles/${moved.slug}`)).status()).toBe(200);
  // Repeat requests are answered from the server's memory copy of Next's page cache (polled:
  // other tests running at the same time invalidate the site too).
  const servedFrom = async (path: string) => {
    const response = await request.get(path);
    return `${response.status()} ${response.headers()["x-masthead-cache"]}`;
  };
  await expect.poll(() => servedFrom(`/articles/${moved.slug}`)).toBe("200 HIT");
  await expect.poll(() => servedFrom("/")).toBe("200 HIT");

  await mutate(editor, "workflow.unpublish", { id: story.id, version: moved.version, note: "Legal request" });
  const gone = await request.get(`/articles/${moved.slug}`);
  expect(gone.status()).toBe(410);
  expect(gone.headers()["x-masthead-cache"]).toBe("MISS");
  // The site's own 410 page: says what happened, no script, no canonical link.
  const goneHtml = await gone.text();
  expect(goneHtml).toContain("This article has been removed");
  expect(goneHtml).not.toMatch(/<script(?! type="application\/ld\+json")|rel="canonical"/);
  expect((await request.get(`/articles/${story.slug}`, { maxRedirects: 0 })).status()).toBe(410);
  expect(await presence(request, moved.slug, word)).toEqual({
    rss: false,
    atom: false,
    sitemap: false,
    newsSitemap: false,
    home: false,
    search: false,
    shareImage: false,
  });
  expect((await request.get(`/articles/${moved.slug}/image`)).status()).toBe(410);
  expect((await request.get("/tags/festivals")).status()).toBe(404);
});

const PAYLOADS = [
  "<script>window.__pwned=1;console.log('PWNED')</script>",
  "<img src=x onerror=\"window.__pwned=1;console.log('PWNED')\">",
  '<svg onload="window.__pwned=1"><script>alert(1)</script></svg>',
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  '"><iframe src=javascript:alert(1)>',
  "</title><script>alert(1)</script><!--",
];

test("a story full of script-injection payloads is shown as text and runs nothing", async ({
  browser,
  page,
  request,
}) => {
  const editor = await editorRequest(browser);
  const mark = `Inject${Date.now()}`;
  const payload = PAYLOADS.join(" ");
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: `${mark} ${payload}` }] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "a link",
            marks: [{ type: "link", attrs: { href: 'https://example.com/?q="><script>alert(1)</script>' } }],
          },
        ],
      },
      { type: "pullQuote", attrs: { attribution: PAYLOADS[1] }, content: [{ type: "text", text: payload }] },
      {
        type: "callout",
        attrs: { kind: "note" },
        content: [{ type: "paragraph", content: [{ type: "text", text: payload }] }],
      },
      { type: "embed", attrs: { provider: "youtube", id: "dQw4w9WgXcQ" } },
    ],
  };
  // Link targets that are not http(s)/mailto are refused outright, and nothing is stored.
  const draft = await mutate<{ id: string; version: number }>(editor, "article.create", {
    headline: `${mark} refused`,
  });
  for (const href of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
    const refused = await editor.post("/api/trpc/article.update", {
      headers: FROM_SITE,
      data: {
        json: {
          id: draft.id,
          version: draft.version,
          headline: "x",
          standfirst: "",
          sectionId: null,
          body: {
            type: "doc",
            content: [
              { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] },
            ],
          },
          heroImageCaption: null,
          heroImageCredit: null,
          heroImageAlt: null,
        },
      },
    });
    expect(refused.status(), href).toBe(400);
  }
  // The hero: the sample story's library image, with payloads as caption, credit and alt text.
  const image = await sampleHeroUrl(request);
  const story = await publishStory(editor, {
    headline: `${mark} ${PAYLOADS[0]}`.slice(0, 200),
    standfirst: payload.slice(0, 400),
    body,
    tags: ["<script>alert(1)</script>"],
    hero: { url: image, caption: payload.slice(0, 500), credit: PAYLOADS[1] ?? "", alt: PAYLOADS[2] ?? "" },
  });

  const dialogs: string[] = [];
  const consoleMessages: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => consoleMessages.push(message.text()));
  for (const path of [
    `/articles/${story.slug}`,
    "/",
    `/search?q=${mark}`,
    `/search?q=${encodeURIComponent(payload.slice(0, 150))}`,
    "/tags/script-alert-1",
  ]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  await page.goto(`/articles/${story.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${mark} <script>`);
  await expect(page.locator("main")).toContainText("<img src=x onerror=");
  await expect(page.locator("main figure figcaption").first()).toContainText("<script>window.__pwned=1");
  expect(await page.locator("main figure img").first().getAttribute("alt")).toBe(PAYLOADS[2]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(consoleMessages.filter((m) => m.includes("PWNED"))).toEqual([]);
  // No element from the payloads made it into the page as markup.
  expect(await page.locator("main script, main iframe, main svg, main img[onerror]").count()).toBe(0);
  const feed = await (await request.get("/feed.xml")).text();
  expect(() => xml.parse(feed)).not.toThrow();
  expect(feed).not.toContain("<script>alert(1)</script>");
});

test("pages and stories without a picture share the newsroom's card, in every shape", async ({ browser, request }) => {
  const editor = await editorRequest(browser);
  const story = await publishStory(editor, {
    headline: `No picture ${Date.now()}`,
    standfirst: "Words only.",
    body: paragraphsDoc("Body."),
  });
  const page = await browser.newPage();
  const pages: [string, string][] = [
    ["/", "/share/16x9"],
    ["/sections/world", "/share/16x9"],
    [`/articles/${story.slug}`, `/articles/${story.slug}/image/16x9`],
  ];
  for (const [path, image] of pages) {
    await page.goto(path);
    expect(await page.locator('meta[property="og:image"]').getAttribute("content"), path).toMatch(
      new RegExp(`^http://[^/]+${image}$`),
    );
  }
  for (const [ratio, height] of [
    ["16x9", 675],
    ["4x3", 900],
    ["1x1", 1200],
  ] as const) {
    for (const path of [`/share/${ratio}`, `/articles/${story.slug}/image/${ratio}`]) {
      const card = await request.get(path);
      expect(card.headers()["content-type"], path).toBe("image/png");
      const png = await card.body();
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, height]);
    }
  }
});

test("a reader polling an unchanged page, feed, sitemap or image gets 304 and no body", async ({ request }) => {
  const hero = await sampleHeroUrl(request);
  const sitemapChild = new URL(
    asArray<{ loc: string }>(xml.parse(await (await request.get("/sitemap.xml")).text()).sitemapindex.sitemap)[0]
      ?.loc ?? "",
  ).pathname;
  for (const path of [
    "/",
    SAMPLE.path,
    `${SAMPLE.path}/image`,
    `${SAMPLE.path}/image/1x1`,
    "/share/16x9",
    "/feed.xml",
    "/atom.xml",
    "/sitemap.xml",
    sitemapChild,
    hero,
  ]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers().etag ?? "";
    expect(etag, path).toMatch(/^(W\/)?"[^"]+"$/);
    const unchanged = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(unchanged.status(), path).toBe(304);
    expect((await unchanged.body()).length, path).toBe(0);
    expect(unchanged.headers().etag, path).toBe(etag);
    const other = await request.get(path, { headers: { "If-None-Match": '"an-older-copy"' } });
    expect(other.status(), path).toBe(200);
    const lastModified = first.headers()["last-modified"];
    if (path === hero) continue; // (a stored file is known by its name alone)
    expect(Date.parse(lastModified ?? ""), path).not.toBeNaN();
    const dated = await request.get(path, { headers: { "If-Modified-Since": lastModified ?? "" } });
    expect(dated.status(), path).toBe(304);
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`every public page type passes axe (${colorScheme} mode)`, async ({ browser }) => {
    // Ten pages through axe: about 17 s on a quiet 2-core machine, 45 s with both cores busy.
    test.setTimeout(180_000);
    const editor = await editorRequest(browser);
    const story = await publishStory(editor, {
      headline: `Axe check ${colorScheme} ${Date.now()}`,
      standfirst: "Checked.",
      body: paragraphsDoc("Body."),
      tags: ["Accessibility"],
    });
    await mutate(editor, "workflow.unpublish", { id: story.id, version: story.version, note: "Test" });
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const article = SAMPLE.path;
    for (const path of [
      "/",
      article,
      "/sections/world",
      "/authors/wendy-writer",
      "/tags/syria",
      "/search?q=Lavrov",
      "/search?q=nothingmatchesthis",
      "/search",
      "/articles/no-such-story",
      `/articles/${story.slug}`,
    ]) {
      await page.goto(path);
      await expectAxeClean(page, `${colorScheme} ${path}`);
    }
    await context.close();
  });
}

test("public pages are plain HTML: no script runs, a strict CSP, and a print layout without the chrome", async ({
  page,
  request,
}) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'none'");
  expect(response?.headers()["content-security-policy"]).not.toContain("unsafe-inline");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.goto(SAMPLE.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE.headline);
  expect(scripts).toEqual([]);
  expect(await page.locator("script:not([type='application/ld+json'])").count()).toBe(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(17, 18, 20)");
  expect((await request.get("/robots.txt")).status()).toBe(200);
});

// The skip link itself is checked in accessibility.spec.ts.
test("from the keyboard: search, sections and stories are all reachable", async ({ page }) => {
  await page.goto("/");
  const reached = new Set<string>();
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press("Tab");
    reached.add(
      await page.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.getAttribute("href") ??
          (document.activeElement as HTMLElement | null)?.id ??
          "",
      ),
    );
  }
  expect(reached).toContain("site-search");
  expect(reached).toContain("/sections/world");
  expect([...reached].some((href) => href.startsWith("/articles/"))).toBe(true);
  await page.getByLabel("Search stories").focus();
  await page.keyboard.type("Lavrov");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Lavrov/);
  await expect(page.locator("mark").first()).toHaveText("Lavrov");
});

test("odd addresses get a 404 or a clear message, never a 500", async ({ request }) => {
  for (const path of [
    "/sections/world/page/0",
    "/sections/world/page/abc",
    "/sections/world/page/1",
    "/sections/world/page/99",
    "/sections/NOPE",
    "/authors/nobody",
    "/tags/none-such",
    "/sections/world/feed.xml/x",
    "/search?q=x&page=abc",
    "/search?q=x&page=500",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  for (const q of ["x".repeat(5000), "%00", "' OR 1=1 --", "<script>", "&&&", "🙂"]) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
  }
  const long = await (await request.get(`/search?q=${"x".repeat(300)}`)).text();
  expect(long).toContain("That search is too long");
});
