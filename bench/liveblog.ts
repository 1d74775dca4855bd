// bench/liveblog: what a busy live blog does to its readers. Two production instances on one
// embedded PostgreSQL holding 1,000 published stories and a live blog with 60 entries. 32
// readers read the live blog from instance A (its page mostly, its Atom feed, the home page),
// first with nobody writing, then while an editor signed in on instance B adds an entry every
// 10 s (each refreshes only the live blog's page and feed: its address's tag). Prints reader
// req/s and p99 for both runs and their ratio, and how long after each entry it was on the
// page on A (p50/p95). Asserts nothing. Target (issue 16): the page holds its reader
// throughput: ratio >= 0.8, as for publishing (bench/publish-under-load), p99 < 50 ms.
//   npm run build && npm run bench:liveblog
import { DEMO_ACCOUNTS } from "../server/services/seed";
import { mutate, publishOverHttp, query, runBenchmark, signIn, withTwoInstances } from "./cluster";
import { changeEvery, readerLine as line, readPaths } from "./readers";
import { percentile } from "./stats";

const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const ENTRIES = 60;
const READERS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const ENTRY_EVERY_MS = 10_000;

const readers = (base: string, paths: string[]) =>
  readPaths(base, paths, { connections: READERS, durationS: DURATION_S });

const entryBody = (text: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text }] },
    { type: "paragraph", content: [{ type: "text", text: "Our reporter at the town hall says the count goes on." }] },
  ],
});

async function main() {
  const log = (text: string) => console.log(text);
  await withTwoInstances(STORIES, log, async ({ a, b }) => {
    const editor = DEMO_ACCOUNTS.find((account) => account.role === "EDITOR")?.email ?? "";
    const cookie = await signIn(b.base, editor);
    const sections = await query<{ id: string }[]>(b.base, cookie, "article.sections", undefined);
    const { id, slug } = await publishOverHttp(b.base, cookie, {
      headline: "Election night, live",
      kind: "LIVE",
      standfirst: "Results from every ward as they come in.",
      sectionId: sections[0]?.id ?? null,
      body: entryBody("Follow the count with our reporters."),
      tags: ["Election"],
    });
    for (let i = 1; i <= ENTRIES; i += 1)
      await mutate(b.base, cookie, "liveblog.add", {
        articleId: id,
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

    let added = 0;
    let etag: string | null = null;
    const writing = changeEvery(
      ENTRY_EVERY_MS,
      async () => {
        added += 1;
        const text = `Update ${added} at ${Date.now()}: a recount is asked for.`;
        await mutate(b.base, cookie, "liveblog.add", { articleId: id, body: entryBody(text), keyEvent: null });
        // On the page on A, asked as a browser revalidates its copy: 304 until the page changes,
        // so the poll costs the readers' load generator (this process) next to nothing.
        return async () => {
          const response: Response = await fetch(`${a.base}${page}`, {
            headers: etag ? { "if-none-match": etag } : {},
          });
          const html = await response.text();
          etag = response.headers.get("etag") ?? etag;
          return response.status === 200 && html.includes(text);
        };
      },
      "an entry added on B, on instance A",
    );
    const busy = await readers(a.base, paths);
    const visibleAfter = await writing.stop();
    log(line(`an entry every ${ENTRY_EVERY_MS / 1000} s`, busy));
    const ratio = busy.rps / quiet.rps;
    log(
      `ratio (entries / none)             ${ratio.toFixed(2)}   (target >= 0.8: ${ratio >= 0.8 ? "met" : "NOT met"})`,
    );
    log(
      `entry added on B -> on the page on A p50 ${percentile(visibleAfter, 50)} ms   p95 ${percentile(visibleAfter, 95)} ms   (${visibleAfter.length} entries)`,
    );
  });
}

runBenchmark(main);
