import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import sharp from "sharp";
import { storageState } from "./fixtures/accounts";
import { mutate, paragraphsDoc, publishStory, submittedStory } from "./fixtures/api";
import { METRICS_TOKEN, SECOND_URL } from "./fixtures/site";
import { utcInput } from "./fixtures/workflow";

// Two production instances on one database and one media bucket (playwright.config.ts): the
// newsroom works through the first (baseURL); readers are served by the second (SECOND_URL).

const second = (path: string) => `${SECOND_URL}${path}`;

async function editorRequest(browser: Browser): Promise<APIRequestContext> {
  return (await browser.newContext({ storageState: storageState("editor") })).request;
}

/** Reads a page from the second instance until it answers from its own memory copy, so a later change must reach that copy. */
async function warmOnSecond(request: APIRequestContext, path: string) {
  await expect
    .poll(async () => (await request.get(second(path))).headers()["x-masthead-cache"], { timeout: 15_000 })
    .toBe("HIT");
}

test("an image uploaded through one instance shows on a story read through the other, until it is unpublished", async ({
  browser,
}) => {
  // The writer uploads through the first instance's media library.
  const newsroom = await browser.newPage({ storageState: storageState("editor") });
  const name = `lighthouse-${Date.now()}.png`;
  const picture = await sharp({ create: { width: 1000, height: 640, channels: 3, background: "#b45309" } })
    .png()
    .toBuffer();
  await newsroom.goto("/newsroom/media");
  await newsroom.getByLabel("Upload an image").setInputFiles({ name, mimeType: "image/png", buffer: picture });
  await expect(newsroom.getByRole("status").filter({ hasText: "uploaded" })).toContainText(`${name} uploaded`);
  const card = newsroom.getByRole("listitem").filter({ hasText: name });
  // The library shows a WebP rendition; the master keeps the upload's format.
  const thumbnail = (await card.getByRole("img").first().getAttribute("src")) ?? "";
  expect(thumbnail).toMatch(/^\/media\/[0-9a-f-]+-480\.webp$/);
  const src = thumbnail.replace(/-480\.webp$/, ".png");

  const word = `Lighthouse${Date.now()}`;
  const story = await publishStory(newsroom.request, {
    headline: `The old lighthouse reopens ${word}`,
    standfirst: "Restored after ten years.",
    body: paragraphsDoc(`The ${word} keeper returns.`),
    hero: { url: src, caption: "The lighthouse.", credit: "Masthead", alt: "An orange lighthouse" },
  });

  // A reader on the second instance: the story, its picture (from the shared bucket), the home page.
  const reader = await browser.newPage();
  const opened = await reader.goto(second(`/articles/${story.slug}`));
  expect(opened?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`The old lighthouse reopens ${word}`);
  const hero = reader.locator("article img").first();
  await expect(hero).toBeVisible();
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await reader.goto(second("/"));
  await expect(reader.getByRole("link", { name: `The old lighthouse reopens ${word}` }).first()).toBeVisible();
  await warmOnSecond(reader.request, `/articles/${story.slug}`);
  await warmOnSecond(reader.request, "/");

  // Unpublished through the first instance: the second answers 410 on its very next request.
  await mutate(newsroom.request, "workflow.unpublish", { id: story.id, version: story.version, note: "Legal" });
  const gone = await reader.goto(second(`/articles/${story.slug}`));
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "This article has been removed" })).toBeVisible();
  await reader.goto(second("/"));
  await expect(reader.getByRole("link", { name: `The old lighthouse reopens ${word}` })).toHaveCount(0);
  expect(await (await reader.request.get(second("/feed.xml"))).text()).not.toContain(word);
});

test("a correction and a new address made on one instance reach the other", async ({ browser, request }) => {
  const editor = await editorRequest(browser);
  const word = `Ferry${Date.now()}`;
  const story = await publishStory(editor, {
    headline: `Ferry timetable changes ${word}`,
    standfirst: "From Monday.",
    body: paragraphsDoc(`The ${word} leaves at nine.`),
  });
  await warmOnSecond(request, `/articles/${story.slug}`);

  const corrected = await mutate<{ version: number }>(editor, "workflow.addCorrection", {
    id: story.id,
    version: story.version,
    text: `An earlier version gave the wrong time for the ${word}.`,
  });
  // An ordinary change: served stale while it is rebuilt, visible within moments.
  await expect
    .poll(async () => (await request.get(second(`/articles/${story.slug}`))).text(), { timeout: 5_000 })
    .toContain("An earlier version gave the wrong time");

  await warmOnSecond(request, `/articles/${story.slug}`);
  const moved = await mutate<{ slug: string }>(editor, "article.changeSlug", {
    id: story.id,
    version: corrected.version,
    slug: `${story.slug}-moved`,
  });
  // The old address redirects on the second instance at once.
  const old = await request.get(second(`/articles/${story.slug}`), { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe(`/articles/${moved.slug}`);
});

test("a story published by the other instance's scheduler appears on this one's home, feeds and sitemap", async ({
  browser,
  request,
}) => {
  const editor = await editorRequest(browser);
  const word = `Regatta${Date.now()}`;
  const created = await submittedStory(editor, {
    headline: `Regatta returns to the bay ${word}`,
    standfirst: "Sails up.",
    body: paragraphsDoc(`The ${word} starts at noon.`),
  });
  const approved = await mutate<{ version: number }>(editor, "workflow.approve", {
    id: created.id,
    version: created.version,
  });
  // Ten minutes ahead: the instances' own schedulers leave it alone until the test runs one.
  const at = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
  await mutate(editor, "workflow.schedule", { id: created.id, version: approved.version, scheduledFor: utcInput(at) });
  // The sitemap of the month (UTC) it goes live in.
  const monthSitemap = `/sitemaps/stories-${at.toISOString().slice(0, 7)}.xml`;
  for (const path of ["/", "/feed.xml", monthSitemap]) {
    expect(await (await request.get(path)).text()).not.toContain(created.slug);
    await expect.poll(async () => (await request.get(path)).headers()["x-masthead-cache"]).toBe("HIT");
  }

  // The second instance's scheduler runs (as of the scheduled time) and publishes it.
  const run = await request.post(second("/api/test/clock"), { data: { asOf: at.toISOString() } });
  expect(((await run.json()) as { published: string[] }).published).toContain(created.id);

  for (const path of ["/", "/feed.xml", monthSitemap]) {
    await expect.poll(async () => (await request.get(path)).text(), { timeout: 5_000 }).toContain(created.slug);
  }
});

test("each instance reports its metrics to a scraper with the token, and to nobody else", async ({ request }) => {
  await request.get("/");
  await request.get("/");
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const answer = await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).toMatch(/masthead_http_requests_total\{group="public_home",status="2xx"\} \d+/);
  expect(text).toMatch(/masthead_front_cache_responses_total\{result="hit"\} \d+/);
  expect(text).toContain("masthead_public_cache_synced 1");
  expect(text).toMatch(/masthead_db_pool_connections\{state="total"\} \d+/);
  expect(text).toMatch(/masthead_mail_queue_jobs \d+/);
  const second = await request.get(`${SECOND_URL}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(await second.text()).toContain("masthead_public_cache_synced 1");
});
