// bench/distribution: what partners, crawlers and feed readers cost at archive scale — 100,000
// live stories (50,000 of them in one month: five full children of 10,000) — next to a
// primary-key SELECT measured in the same run. Prints figures; asserts nothing.
//   npm run bench:distribution            (embedded PostgreSQL in a temporary directory)
//   BENCH_DATABASE_URL=… npm run bench:distribution   (a server; creates and drops its own database)
// Targets (issue 16): public search p95 under 100 ms for any query; an unchanged feed poll
// downloads headers only (304). The content API's list is measured through its route handler.
import { createServer, get, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { atom } from "../lib/syndication/feeds";
import { sitemap, sitemapIndex } from "../lib/syndication/sitemaps";
import { createDb } from "../server/db/client";
import { answerConditionally, entityTag } from "../server/http/conditional";
import { handleApiRequest } from "../server/content-api/handler";
import { createApiKey } from "../server/services/api-keys";
import { feedFor } from "../server/services/public-feeds";
import { searchPublished } from "../server/services/public-search";
import { sitemapIndexEntries, sitemapPartEntries } from "../server/services/public-sitemaps";
import { withBenchDatabase } from "./database";
import { percentile, row, sample } from "./stats";

const STORIES = 100_000;
const FULL_MONTH = 50_000;
const ORIGIN = "https://news.example";
const WRITER = "00000000-0000-7000-8000-000000000001";
const WORDS =
  "council harbour ferry budget school hospital police court election minister strike housing rent transport road rail bus bridge museum festival theatre music football league match coach weather storm flood river coast island farm energy wind solar tax market bank trade jobs union health doctor nurse patient climate forest park garden library church mayor vote poll campaign report inquiry".split(
    " ",
  );

async function seed(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const started = Date.now();
  await client.query(`INSERT INTO "User" (id, email, "displayName", slug, "passwordHash", role, "updatedAt")
    VALUES ('${WRITER}', 'writer@bench.test', 'Bench Writer', 'bench-writer', 'x', 'WRITER', now())`);
  // Stories 1–50,000 went live in October 2026 (a minute apart or less); the rest over the ten
  // months before. Each body has 80 words of news copy; every 1,000th mentions a "zeppelin".
  await client.query(
    `INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", status, "createdById", "updatedAt", "publishedAt")
    SELECT gen_random_uuid(), 'story-' || n, 'Headline ' || n || ' ' || ($1::text[])[1 + n % ${WORDS.length}], 'Standfirst ' || n,
      '{"type":"doc","content":[]}'::jsonb,
      (SELECT string_agg(($1::text[])[1 + ((n * 7 + k * 13 + (n / 97) * k) % ${WORDS.length})], ' ') FROM generate_series(1, 80) k)
        || CASE WHEN n % 1000 = 0 THEN ' zeppelin' ELSE '' END,
      'UNPUBLISHED', '${WRITER}', now(),
      CASE WHEN n <= ${FULL_MONTH} THEN timestamp '2026-10-01' + n * interval '53 seconds'
           ELSE timestamp '2025-12-01' + (n - ${FULL_MONTH}) * interval '8 minutes' END
    FROM generate_series(1, ${STORIES}) AS n`,
    [WORDS],
  );
  // Their live revisions (the search vector is computed on insert, as when publishing).
  await client.query(`INSERT INTO "ArticleRevision" (id, kind, "articleId", headline, standfirst, body, "bodyText", "createdById")
    SELECT gen_random_uuid(), 'PUBLISHED', id, headline, standfirst, body, "bodyText", "createdById" FROM "Article"`);
  await client.query(`UPDATE "Article" a SET status = 'PUBLISHED', "liveRevisionId" = r.id
    FROM "ArticleRevision" r WHERE r."articleId" = a.id`);
  await client.query(
    `INSERT INTO "ArticleAuthor" ("articleId", "userId", position) SELECT id, '${WRITER}', 0 FROM "Article"`,
  );
  await client.query("VACUUM ANALYZE");
  await client.end();
  return (Date.now() - started) / 1000;
}

/** Bytes a client receives for one GET: the status line and headers as sent, and the body. */
function bytesOf(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number; etag: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res: IncomingMessage) => {
      let body = 0;
      res.on("data", (chunk: Buffer) => (body += chunk.length));
      res.on("end", () => {
        let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
        resolve({ status: res.statusCode ?? 0, bytes: head + body, etag: String(res.headers.etag ?? "") });
      });
    }).on("error", reject);
  });
}

async function main() {
  await withBenchDatabase(async (url) => {
    const seconds = await seed(url);
    const db = createDb(url, { max: 4 });
    const ids = (await db.article.findMany({ select: { id: true }, take: 5000 })).map((a) => a.id);
    const pk = await sample(1000, (i) =>
      db.article.findUnique({ where: { id: ids[Math.abs(i) % ids.length] }, select: { id: true, slug: true } }),
    );

    // Sitemaps: the index and the full month, built (query and XML) the first time and again.
    const buildIndex = async () =>
      sitemapIndex(
        (await sitemapIndexEntries(db)).map((c) => ({
          url: `${ORIGIN}/sitemaps/${c.name}`,
          lastModified: c.lastModified,
        })),
      );
    const buildMonth = async () =>
      sitemap(
        ((await sitemapPartEntries(db, { kind: "stories", month: "2026-10", part: 1 })) ?? []).map((e) => ({
          url: `${ORIGIN}${e.path}`,
          lastModified: e.lastModified,
        })),
      );
    const timed = async (fn: () => Promise<string>) => {
      const start = performance.now();
      const text = await fn();
      return { ms: performance.now() - start, bytes: Buffer.byteLength(text) };
    };
    const indexCold = await timed(buildIndex);
    const indexWarm = await sample(50, buildIndex, 2);
    const monthCold = await timed(buildMonth);
    const monthWarm = await sample(10, buildMonth, 1);

    // Public search, page 1: a word in most stories, and one in a hundredth of a percent.
    const common = await sample(50, (i) => searchPublished(db, WORDS[Math.abs(i) % WORDS.length] ?? "council", 1), 3);
    const rare = await sample(50, () => searchPublished(db, "zeppelin", 1), 3);

    // The content API's story list, as a partner pages through it: the first page, a page deep
    // in the archive (by cursor), a filtered page, and one story whole.
    const { key } = await createApiKey(
      db,
      { id: WRITER, role: "ADMIN", displayName: "Bench", email: "writer@bench.test" },
      { name: "Bench", perMinute: 6000 },
    );
    const api = async (path: string) => {
      const url = new URL(`${ORIGIN}/api/v1/${path}`);
      const response = await handleApiRequest(
        new Request(url, { headers: { Authorization: `Bearer ${key}` } }),
        url.pathname.slice("/api/v1/".length).split("/"),
        { db, now: new Date(), origin: ORIGIN, language: "en", timeZone: "UTC" },
      );
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { nextCursor?: string | null; stories?: { id: string }[] };
    };
    let deep = "";
    for (let page = 0, cursor = ""; page < 50; page += 1) {
      const answer = await api(`stories?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      cursor = answer.nextCursor ?? "";
      deep = cursor;
    }
    const apiFirst = await sample(50, () => api("stories?limit=20"), 3);
    const apiDeep = await sample(50, () => api(`stories?limit=20&cursor=${deep}`), 3);
    const apiFiltered = await sample(50, () => api("stories?limit=20&author=bench-writer&language=en"), 3);
    const oneId = ids[0] ?? "";
    const apiOne = await sample(50, () => api(`stories/${oneId}`), 3);

    // A feed reader's poll: the site's Atom feed over HTTP with conditional GET, as served.
    const feed = await feedFor(db, { kind: "site" });
    const xml = atom({
      title: "Masthead",
      description: "Bench",
      pageUrl: `${ORIGIN}/`,
      selfUrl: `${ORIGIN}/atom.xml`,
      updated: feed?.updated ?? null,
      language: "en",
      entries: (feed?.items ?? []).map((a) => ({
        id: `urn:uuid:${a.id}`,
        url: `${ORIGIN}/articles/${a.slug}`,
        title: a.headline,
        summary: a.standfirst,
        contentHtml: `<p>${a.standfirst}</p>`,
        published: a.publishedAt,
        updated: a.contentUpdatedAt,
        authors: [],
        categories: [],
      })),
    });
    const body = Buffer.from(xml);
    const server = createServer((req, res) => {
      answerConditionally(req.method, req.headers, res);
      res.writeHead(200, {
        "content-type": "application/atom+xml; charset=utf-8",
        etag: entityTag(body),
        "last-modified": new Date().toUTCString(),
        "content-length": body.length,
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/atom.xml`;
    const first = await bytesOf(feedUrl, {});
    const again = await bytesOf(feedUrl, { "If-None-Match": first.etag });
    server.close();

    const base = percentile(pk, 50);
    const ratio = (s: number[]) => `p95 ${(percentile(s, 95) / base).toFixed(1)}× a primary-key SELECT's median`;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `bench/distribution: ${STORIES.toLocaleString("en")} live stories (${FULL_MONTH.toLocaleString("en")} in October 2026); seeded in ${seconds.toFixed(0)} s`,
    );
    console.log(row("primary-key SELECT", pk));
    console.log(`sitemap index, first build             ${indexCold.ms.toFixed(1)} ms   ${kb(indexCold.bytes)}`);
    console.log(row("sitemap index, built again", indexWarm, ratio(indexWarm)));
    console.log(`full child sitemap (10,000), first build ${monthCold.ms.toFixed(0)} ms   ${kb(monthCold.bytes)}`);
    console.log(row("full child sitemap, built again", monthWarm, ratio(monthWarm)));
    console.log(row("public search, a common word", common, ratio(common)));
    console.log(row("public search, a rare word", rare, ratio(rare)));
    console.log(row("API story list, first page of 20", apiFirst, ratio(apiFirst)));
    console.log(row("API story list, 5,000 stories deep", apiDeep, ratio(apiDeep)));
    console.log(row("API story list, author + language", apiFiltered, ratio(apiFiltered)));
    console.log(row("API one story, whole", apiOne, ratio(apiOne)));
    console.log(
      `feed poll: first ${first.status} ${first.bytes.toLocaleString("en")} bytes; unchanged ${again.status} ${again.bytes.toLocaleString("en")} bytes (${again.status === 304 ? "headers only: met" : "NOT met"})`,
    );
    const worst = Math.max(percentile(common, 95), percentile(rare, 95));
    console.log(
      `target: public search p95 under 100 ms — worst ${worst.toFixed(1)} ms: ${worst < 100 ? "met" : "NOT met"}`,
    );
    console.log(
      "(a page, feed or sitemap already built is answered from the front server's memory copy: bench/public-read)",
    );
    await db.$disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
