// bench/publish-under-load: what publishing does to readers. Two production instances on one
// embedded PostgreSQL holding 1,000 published stories. 32 readers read a mix of pages (home,
// stories, sections, feeds, sitemaps) from instance A, first with nobody publishing, then while
// an editor signed in on instance B publishes a new story every 3 s. Prints reader req/s and
// p99 for both runs and their ratio, and how long after each publish on B the story was
// readable on A (p50/p95). Asserts nothing. Targets (issue 12): ratio >= 0.8, p99 < 50 ms with
// publishing, publish-to-visible p95 <= 1 s.
//   npm run build && npm run bench:publish-under-load
import { DEMO_ACCOUNTS } from "../server/services/seed";
import { publishOverHttp, query, signIn, runBenchmark, withTwoInstances } from "./cluster";
import { changeEvery, readerLine as line, readPaths } from "./readers";
import { percentile } from "./stats";

const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const READERS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const PUBLISH_EVERY_MS = 3_000;

const readers = (base: string, paths: string[]) =>
  readPaths(base, paths, { connections: READERS, durationS: DURATION_S });

async function main() {
  const log = (text: string) => console.log(text);
  await withTwoInstances(STORIES, log, async ({ database, a, b }) => {
    const stories = await database.db.article.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } });
    const sections = await database.db.section.findMany({ select: { slug: true } });
    // A mix a reader crowd makes: mostly stories, then the home page, sections, feeds and sitemaps.
    const paths = [
      ...stories.slice(0, 200).map((s) => `/articles/${s.slug}`),
      ...Array.from({ length: 30 }, () => "/"),
      ...sections.map((s) => `/sections/${s.slug}`),
      ...sections.map((s) => `/sections/${s.slug}/page/2`),
      "/feed.xml",
      "/atom.xml",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/tags/harbour",
    ];
    for (const path of paths) await fetch(`${a.base}${path}`).then((r) => r.arrayBuffer());

    const editor = DEMO_ACCOUNTS.find((account) => account.role === "EDITOR")?.email ?? "";
    const cookie = await signIn(b.base, editor);
    const sectionIds = await query<{ id: string }[]>(b.base, cookie, "article.sections", undefined);

    log(`\n${READERS} readers on instance A, ${DURATION_S} s each, ${paths.length} addresses:`);
    const quiet = await readers(a.base, paths);
    log(line("nobody publishing", quiet));

    let published = 0;
    const writing = changeEvery(
      PUBLISH_EVERY_MS,
      async () => {
        const draft = await publishOverHttp(b.base, cookie, {
          headline: `Breaking ${Date.now()}: the council votes`,
          standfirst: "What it means.",
          sectionId: sectionIds[published % sectionIds.length]?.id ?? null,
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The vote." }] }] },
          tags: ["Harbour"],
        });
        published += 1;
        // Readable on A: its page and the home page link.
        return async () => {
          const [page, home] = await Promise.all([
            fetch(`${a.base}/articles/${draft.slug}`).then((r) => r.status),
            fetch(`${a.base}/`).then((r) => r.text()),
          ]);
          return page === 200 && home.includes(`/articles/${draft.slug}"`);
        };
      },
      "a story published on B, on instance A",
    );
    const busy = await readers(a.base, paths);
    const visibleAfter = await writing.stop();
    log(line(`an editor publishing every ${PUBLISH_EVERY_MS / 1000} s`, busy));
    log(`ratio (publishing / not)             ${(busy.rps / quiet.rps).toFixed(2)}`);
    log(
      `publish on B -> readable on A         p50 ${percentile(visibleAfter, 50)} ms   p95 ${percentile(visibleAfter, 95)} ms   (${visibleAfter.length} publishes)`,
    );
  });
}

runBenchmark(main);
