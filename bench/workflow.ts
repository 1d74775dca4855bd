// bench/workflow: publish transition and review-queue load with 10,000 articles, next to a
// primary-key SELECT measured in the same run. Prints figures; asserts nothing.
//   npm run bench:workflow            (embedded PostgreSQL in a temporary directory)
//   BENCH_DATABASE_URL=… npm run bench:workflow   (a server; creates and drops its own database)
import pg from "pg";
import { createDb } from "../server/db/client";
import { editorDashboard, reviewQueue } from "../server/services/dashboard";
import { transition } from "../server/services/workflow";
import { withBenchDatabase } from "./database";
import { percentile, row, sample } from "./stats";

const ARTICLES = 10_000;
const PUBLISHES = 300;

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  await client.query(`
    INSERT INTO "User" (id, email, "displayName", slug, "passwordHash", role, "updatedAt") VALUES
      ('00000000-0000-7000-8000-000000000001', 'writer@bench.test', 'Bench Writer', 'bench-writer', 'x', 'WRITER', now()),
      ('00000000-0000-7000-8000-000000000002', 'editor@bench.test', 'Bench Editor', 'bench-editor', 'x', 'EDITOR', now());
    INSERT INTO "Section" (id, slug, name) VALUES ('00000000-0000-7000-8000-00000000000a', 'news', 'News');
    -- 10,000 articles across the working states; the first ${PUBLISHES} are approved and ready to publish.
    INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", status, "sectionId", "createdById", "updatedAt", "statusChangedAt")
    SELECT gen_random_uuid(), 'bench-' || n, 'Bench headline ' || n, 'Standfirst ' || n,
      '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Body text for the benchmark."}]}]}'::jsonb,
      'Body text for the benchmark.',
      (CASE WHEN n <= ${PUBLISHES} THEN 'APPROVED'
            ELSE (ARRAY['DRAFT','IN_REVIEW','CHANGES_REQUESTED','APPROVED','SPIKED'])[1 + n % 5] END)::"ArticleStatus",
      '00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-000000000001', now(), now() - (n || ' minutes')::interval
    FROM generate_series(1, ${ARTICLES}) AS n;
    INSERT INTO "ArticleAuthor" ("articleId", "userId", position)
    SELECT id, '00000000-0000-7000-8000-000000000001', 0 FROM "Article";
    ANALYZE;`);
  const ready = await client.query<{ id: string }>(
    `SELECT id::text FROM "Article" WHERE slug IN (SELECT 'bench-' || n FROM generate_series(1, ${PUBLISHES}) n) ORDER BY slug`,
  );
  await client.end();
  return ready.rows.map((r) => r.id);
}

async function main() {
  await withBenchDatabase(async (url) => {
    const ids = await seed(url);
    const db = createDb(url, { max: 4 });
    const editor = {
      id: "00000000-0000-7000-8000-000000000002",
      email: "editor@bench.test",
      displayName: "Bench Editor",
      role: "EDITOR" as const,
    };
    const env = { now: new Date(), timeZone: "UTC" };
    const waiting = await db.article.count({ where: { status: "IN_REVIEW" } });

    const pk = await sample(1000, (i) =>
      db.article.findUnique({ where: { id: ids[Math.abs(i) % ids.length] }, select: { id: true, headline: true } }),
    );
    const publish = await sample(
      PUBLISHES - 20,
      (i) =>
        transition(db, editor, { articleId: ids[i < 0 ? -1 - i : i + 20] ?? "", action: "publish", version: 1 }, env),
      20,
    );
    const queue = await sample(200, () => reviewQueue(db));
    const desk = await sample(100, () => editorDashboard(db));
    await db.$disconnect();

    const pkP95 = percentile(pk, 95);
    const ratio = percentile(publish, 95) / pkP95;
    console.log(
      `bench/workflow — ${ARTICLES.toLocaleString("en")} articles, ${waiting.toLocaleString("en")} in review, PostgreSQL ${process.env.BENCH_DATABASE_URL ? "at BENCH_DATABASE_URL" : "embedded"}`,
    );
    console.log(row("primary-key SELECT (baseline)", pk));
    console.log(
      row(
        "publish transition",
        publish,
        `p95 = ${ratio.toFixed(1)}× baseline p95 (target ≤ 10×): ${ratio <= 10 ? "met" : "NOT met"}`,
      ),
    );
    const queueP95 = percentile(queue, 95);
    console.log(
      row("review queue (count + oldest 50)", queue, `target p95 < 50 ms: ${queueP95 < 50 ? "met" : "NOT met"}`),
    );
    console.log(row("whole editors' desk (5 groups)", desk));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
