// bench/publish-under-load: what publishing does to readers. Two production instances on one
// embedded PostgreSQL holding 1,000 published stories. 32 readers read a mix of pages (home,
// stories, sections, feeds, sitemaps) from instance A, first with nobody publishing, then while
// an editor signed in on instance B publishes a new story every 3 s. Prints reader req/s and
// p99 for both runs and their ratio, and how long after each publish on B the story was
// readable on A (p50/p95). Asserts nothing. Targets (issue 12): ratio >= 0.8, p99 < 50 ms with
// publishing, publish-to-visible p95 <= 1 s.
//   npm run build && npm run bench:publish-under-load
import autocannon from "autocannon";
import { DEMO_ACCOUNTS } from "../server/services/seed";
import { mutate, query, seedStories, signIn, startDatabase, runBenchmark, startInstance } from "./cluster";
import { percentile } from "./stats";

const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const READERS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const PUBLISH_EVERY_MS = 3_000;

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function readers(base: string, paths: string[]): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: READERS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % paths.length;
          return { ...request, path: paths[next] ?? "/" };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const line = (label: string, f: Figures) =>
  `${label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}   non-2xx ${f.non2xx}`;

async function main() {
  const log = (text: string) => console.log(text);
  log(`Seeding ${STORIES} published stories…`);
  const database = await startDatabase();
  await seedStories(database.db, STORIES, log);
  const a = await startInstance(database, "a");
  const b = await startInstance(database, "b");
  try {
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

    const visibleAfter: number[] = [];
    let publishing = true;
    let published = 0;
    const editorLoop = (async () => {
      while (publishing) {
        const started = Date.now();
        const headline = `Breaking ${Date.now()}: the council votes`;
        const draft = await mutate<{ id: string; slug: string; version: number }>(b.base, cookie, "article.create", {
          headline,
        });
        const saved = await mutate<{ version: number }>(b.base, cookie, "article.update", {
          id: draft.id,
          version: draft.version,
          headline,
          standfirst: "What it means.",
          sectionId: sectionIds[published % sectionIds.length]?.id ?? null,
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The vote." }] }] },
          heroImageCaption: null,
          heroImageCredit: null,
          heroImageAlt: null,
          tags: ["Harbour"],
        });
        const submitted = await mutate<{ version: number }>(b.base, cookie, "workflow.submit", {
          id: draft.id,
          version: saved.version,
        });
        await mutate(b.base, cookie, "workflow.publish", { id: draft.id, version: submitted.version });
        const publishedAt = Date.now();
        published += 1;
        // Readable on A: its page and the home page link (polled every 10 ms).
        for (;;) {
          const [page, home] = await Promise.all([
            fetch(`${a.base}/articles/${draft.slug}`).then((r) => r.status),
            fetch(`${a.base}/`).then((r) => r.text()),
          ]);
          if (page === 200 && home.includes(`/articles/${draft.slug}"`)) break;
          if (Date.now() - publishedAt > 30_000) throw new Error("a published story did not show on instance A");
          await new Promise((r) => setTimeout(r, 10));
        }
        visibleAfter.push(Date.now() - publishedAt);
        await new Promise((r) => setTimeout(r, Math.max(0, PUBLISH_EVERY_MS - (Date.now() - started))));
      }
    })();
    const busy = await readers(a.base, paths);
    publishing = false;
    await editorLoop;
    log(line(`an editor publishing every ${PUBLISH_EVERY_MS / 1000} s`, busy));
    log(`ratio (publishing / not)             ${(busy.rps / quiet.rps).toFixed(2)}`);
    log(
      `publish on B -> readable on A         p50 ${percentile(visibleAfter, 50)} ms   p95 ${percentile(visibleAfter, 95)} ms   (${visibleAfter.length} publishes)`,
    );
  } finally {
    await Promise.allSettled([a.stop(), b.stop()]);
    await database.stop();
  }
}

runBenchmark(main);
