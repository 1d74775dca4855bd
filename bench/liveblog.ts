// bench/liveblog: what a busy live blog does to its readers. Two production instances on one
// embedded PostgreSQL holding 1,000 published stories and a live blog with 60 entries. 32
// readers read the live blog from instance A (its page mostly, its Atom feed, the home page),
// first with nobody writing, then while an editor signed in on instance B adds an entry every
// 10 s (each refreshes only the live blog's page and feed: its address's tag). Prints reader
// req/s and p99 for both runs and their ratio, and how long after each entry it was on the
// page on A (p50/p95). Asserts nothing. Target (issue 16): the page holds its reader
// throughput: ratio >= 0.8, as for publishing (bench/publish-under-load), p99 < 50 ms.
//   npm run build && npm run bench:liveblog
import autocannon from "autocannon";
import { DEMO_ACCOUNTS } from "../server/services/seed";
import { mutate, query, runBenchmark, seedStories, signIn, startDatabase, startInstance } from "./cluster";
import { percentile } from "./stats";

const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const ENTRIES = 60;
const READERS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const ENTRY_EVERY_MS = 10_000;

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

const entryBody = (text: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text }] },
    { type: "paragraph", content: [{ type: "text", text: "Our reporter at the town hall says the count goes on." }] },
  ],
});

async function main() {
  const log = (text: string) => console.log(text);
  log(`Seeding ${STORIES} published stories…`);
  const database = await startDatabase();
  await seedStories(database.db, STORIES, log);
  const a = await startInstance(database, "a");
  const b = await startInstance(database, "b");
  try {
    const editor = DEMO_ACCOUNTS.find((account) => account.role === "EDITOR")?.email ?? "";
    const cookie = await signIn(b.base, editor);
    const sections = await query<{ id: string }[]>(b.base, cookie, "article.sections", undefined);
    const headline = "Election night, live";
    const draft = await mutate<{ id: string; slug: string; version: number }>(b.base, cookie, "article.create", {
      headline,
      kind: "LIVE",
    });
    const saved = await mutate<{ version: number }>(b.base, cookie, "article.update", {
      id: draft.id,
      version: draft.version,
      headline,
      standfirst: "Results from every ward as they come in.",
      sectionId: sections[0]?.id ?? null,
      body: entryBody("Follow the count with our reporters."),
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
      tags: ["Election"],
    });
    const submitted = await mutate<{ version: number }>(b.base, cookie, "workflow.submit", {
      id: draft.id,
      version: saved.version,
    });
    await mutate(b.base, cookie, "workflow.publish", { id: draft.id, version: submitted.version });
    const slug = (await query<{ slug: string }>(b.base, cookie, "article.get", { id: draft.id })).slug;
    for (let i = 1; i <= ENTRIES; i += 1)
      await mutate(b.base, cookie, "liveblog.add", {
        articleId: draft.id,
        body: entryBody(`Ward ${i} has declared.`),
        keyEvent: i % 10 === 0 ? `Ward ${i} declares` : null,
      });
    const page = `/articles/${slug}`;
    // Readers mostly on the page (reloading it for news), some feed readers, some the home page.
    const paths = [...Array.from({ length: 8 }, () => page), `${page}/live.atom`, "/"];
    for (const path of new Set(paths)) await fetch(`${a.base}${path}`).then((r) => r.arrayBuffer());
    const pageBytes = (await (await fetch(`${a.base}${page}`)).arrayBuffer()).byteLength;

    log(`\nThe live blog: ${ENTRIES} entries, ${pageBytes.toLocaleString("en")} bytes.`);
    log(`${READERS} readers on instance A, ${DURATION_S} s each (8 of 10 requests the page, 1 its feed, 1 home):`);
    const quiet = await readers(a.base, paths);
    log(line("nobody writing", quiet));

    const visibleAfter: number[] = [];
    let writing = true;
    let added = 0;
    let etag: string | null = null;
    const editorLoop = (async () => {
      while (writing) {
        const started = Date.now();
        added += 1;
        const text = `Update ${added} at ${started}: a recount is asked for.`;
        await mutate(b.base, cookie, "liveblog.add", {
          articleId: draft.id,
          body: entryBody(text),
          keyEvent: null,
        });
        const addedAt = Date.now();
        // On the page on A, polled every 10 ms as a browser revalidates its copy: 304 until the
        // page changes, so the poll costs the readers' load generator (this process) next to nothing.
        for (;;) {
          const response: Response = await fetch(`${a.base}${page}`, {
            headers: etag ? { "if-none-match": etag } : {},
          });
          const html = await response.text();
          etag = response.headers.get("etag") ?? etag;
          if (response.status === 200 && html.includes(text)) break;
          if (Date.now() - addedAt > 30_000) throw new Error("an entry did not show on instance A");
          await new Promise((r) => setTimeout(r, 10));
        }
        visibleAfter.push(Date.now() - addedAt);
        await new Promise((r) => setTimeout(r, Math.max(0, ENTRY_EVERY_MS - (Date.now() - started))));
      }
    })();
    const busy = await readers(a.base, paths);
    writing = false;
    await editorLoop;
    log(line(`an entry every ${ENTRY_EVERY_MS / 1000} s`, busy));
    const ratio = busy.rps / quiet.rps;
    log(
      `ratio (entries / none)             ${ratio.toFixed(2)}   (target >= 0.8: ${ratio >= 0.8 ? "met" : "NOT met"})`,
    );
    log(
      `entry added on B -> on the page on A p50 ${percentile(visibleAfter, 50)} ms   p95 ${percentile(visibleAfter, 95)} ms   (${visibleAfter.length} entries)`,
    );
  } finally {
    await Promise.allSettled([a.stop(), b.stop()]);
    await database.stop();
  }
}

runBenchmark(main);
