// bench/newsroom-list: the newsroom's article list and story budget at newsroom scale —
// 100,000 articles (each with two revisions) and 5,000 budget lines — next to a primary-key
// SELECT measured in the same run. Prints figures; asserts nothing. Target: every p95 < 50 ms.
//   npm run bench:newsroom-list            (embedded PostgreSQL in a temporary directory)
//   BENCH_DATABASE_URL=… npm run bench:newsroom-list   (a server; creates and drops its own database)
import pg from "pg";
import { articleListInput, type ArticleListQuery } from "../lib/schemas/article-list";
import { createDb } from "../server/db/client";
import { listArticles } from "../server/services/article-list";
import { listBudget } from "../server/services/budget";
import { budgetCalendar } from "../server/services/budget-calendar";
import { withBenchDatabase } from "./database";
import { percentile, row, sample } from "./stats";

const ARTICLES = 100_000;
const BUDGET_LINES = 5_000;
const WRITERS = 20;
const SECTIONS = 8;
const EDITOR = "00000000-0000-7000-8000-0000000000ee";
const writerId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const sectionId = (n: number) => `00000000-0000-7000-9000-${String(n).padStart(12, "0")}`;

// Words of news copy; each story's body draws 80 of them (so a word is in some stories, not all).
const WORDS =
  "council harbour ferry budget school hospital police court election minister strike housing rent transport road rail bus bridge museum festival theatre music football league match coach weather storm flood river coast island farm energy wind solar tax market bank trade jobs union health doctor nurse patient climate forest park garden library church mayor vote poll campaign report inquiry".split(
    " ",
  );

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const started = Date.now();
  await client.query(`INSERT INTO "User" (id, email, "displayName", slug, "passwordHash", role, "updatedAt")
    SELECT ('00000000-0000-7000-8000-' || lpad(n::text, 12, '0'))::uuid, 'writer' || n || '@bench.test', 'Writer ' || n, 'writer-' || n, 'x', 'WRITER', now()
    FROM generate_series(1, ${WRITERS}) n`);
  await client.query(`INSERT INTO "User" (id, email, "displayName", slug, "passwordHash", role, "updatedAt")
    VALUES ('${EDITOR}', 'editor@bench.test', 'Bench Editor', 'bench-editor', 'x', 'EDITOR', now())`);
  await client.query(`INSERT INTO "Section" (id, slug, name)
    SELECT ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, 'section-' || n, 'Section ' || n FROM generate_series(1, ${SECTIONS}) n`);
  await client.query(
    `INSERT INTO "Tag" (id, slug, name) SELECT gen_random_uuid(), 'tag-' || n, 'Tag ' || n FROM generate_series(1, 50) n`,
  );
  await client.query(
    `INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", status, "sectionId", "createdById", "updatedAt", "statusChangedAt", "scheduledFor")
    SELECT gen_random_uuid(), 'bench-' || n, 'Headline ' || n || ' ' || ($1::text[])[1 + n % ${WORDS.length}], 'Standfirst ' || n,
      '{"type":"doc","content":[]}'::jsonb,
      (SELECT string_agg(($1::text[])[1 + ((n * 7 + k * 13 + (n / 97) * k) % ${WORDS.length})], ' ') FROM generate_series(1, 80) k),
      -- About 1,400 scheduled over six months (a few a day), the rest in the other states.
      (CASE WHEN n % 70 = 4 THEN 'SCHEDULED' WHEN n % 7 = 4 THEN 'APPROVED'
            ELSE (ARRAY['DRAFT','IN_REVIEW','CHANGES_REQUESTED','APPROVED','SCHEDULED','UNPUBLISHED','SPIKED'])[1 + n % 7] END)::"ArticleStatus",
      ('00000000-0000-7000-9000-' || lpad((1 + n % ${SECTIONS})::text, 12, '0'))::uuid,
      ('00000000-0000-7000-8000-' || lpad((1 + n % ${WRITERS})::text, 12, '0'))::uuid,
      now() - (n || ' minutes')::interval, now(),
      CASE WHEN n % 70 = 4 THEN now() - interval '90 days' + (n % 180) * interval '1 day' END
    FROM generate_series(1, ${ARTICLES}) AS n`,
    [WORDS],
  );
  await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "userId", position)
    SELECT id, "createdById", 0 FROM "Article"`);
  await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId")
    SELECT a.id, t.id FROM "Article" a JOIN "Tag" t ON t.slug = 'tag-' || (1 + substring(a.slug from 7)::int % 50)`);
  // Two saved revisions each (what autosave leaves behind).
  await client.query(`INSERT INTO "ArticleRevision" (id, kind, "articleId", headline, standfirst, body, "bodyText", "createdById")
    SELECT gen_random_uuid(), 'SAVE', a.id, a.headline, a.standfirst, a.body, a."bodyText", a."createdById"
    FROM "Article" a, generate_series(1, 2)`);
  // Budget lines over six months around today, a reporter each; a fifth linked to a story.
  await client.query(`INSERT INTO "BudgetItem" (id, title, angle, "sectionId", priority, "plannedDay", deadline, status, "createdById", "updatedAt", "articleId")
    SELECT gen_random_uuid(), 'Planned story ' || n, 'The angle of ' || n,
      ('00000000-0000-7000-9000-' || lpad((1 + n % ${SECTIONS})::text, 12, '0'))::uuid, 1 + n % 3,
      current_date - 90 + (n % 180), now() - interval '90 days' + (n % 180) * interval '1 day', 'ASSIGNED', '${EDITOR}', now(),
      CASE WHEN n % 5 = 0 THEN (SELECT id FROM "Article" WHERE slug = 'bench-' || n) END
    FROM generate_series(1, ${BUDGET_LINES}) n`);
  await client.query(`INSERT INTO "BudgetAssignment" ("itemId", "userId", role, position)
    SELECT id, ('00000000-0000-7000-8000-' || lpad((1 + substring(title from 15)::int % ${WRITERS})::text, 12, '0'))::uuid, 'REPORTER', 0
    FROM "BudgetItem"`);
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans use.
  await client.query("VACUUM ANALYZE");
  await client.end();
  return (Date.now() - started) / 1000;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function main() {
  await withBenchDatabase(async (url) => {
    const seconds = await seed(url);
    const db = createDb(url, { max: 4 });
    const editor = { id: EDITOR, email: "editor@bench.test", displayName: "Bench Editor", role: "EDITOR" as const };
    const writer = { id: writerId(3), email: "writer3@bench.test", displayName: "Writer 3", role: "WRITER" as const };
    const ids = (await db.article.findMany({ select: { id: true }, take: 5000 })).map((a) => a.id);
    const list = (query: ArticleListQuery) => listArticles(db, editor, articleListInput.parse(query), "UTC");
    const found = async (query: ArticleListQuery) => (await list({ ...query, limit: 100 })).articles.length;

    const pk = await sample(1000, (i) =>
      db.article.findUnique({ where: { id: ids[Math.abs(i) % ids.length] }, select: { id: true, headline: true } }),
    );
    const firstPage = await sample(200, () => list({}));
    const searchWord = await sample(200, (i) => list({ q: WORDS[Math.abs(i) % WORDS.length] }));
    const searchRare = await sample(200, (i) => list({ q: `headline ${1000 + (Math.abs(i) % 5000)}` }));
    const threeFilters = await sample(200, (i) =>
      list({
        status: ["DRAFT", "IN_REVIEW"],
        sectionId: sectionId(1 + (Math.abs(i) % SECTIONS)),
        authorId: writerId(1 + (Math.abs(i) % WRITERS)),
      }),
    );
    const searchAndFilters = await sample(200, (i) =>
      list({ q: "harbour ferry", status: ["DRAFT"], sectionId: sectionId(1 + (Math.abs(i) % SECTIONS)), tag: "tag-7" }),
    );
    const deepPage = await (async () => {
      let cursor: string | null = null;
      for (let p = 0; p < 40; p += 1) cursor = (await list({ cursor, limit: 100 })).nextCursor;
      return sample(200, () => list({ cursor }));
    })();
    const writerList = await sample(200, () => listArticles(db, writer, articleListInput.parse({}), "UTC"));
    const week = await sample(200, (i) => listBudget(db, editor, { from: day(-3 + (i % 7)), to: day(3 + (i % 7)) }));
    const monthLines = await sample(100, (i) =>
      listBudget(db, editor, { from: day(-15 + (i % 30)), to: day(15 + (i % 30)) }),
    );
    // The calendar's month: six whole weeks.
    const calendar = await sample(100, (i) =>
      budgetCalendar(db, editor, { from: day(-21 + (i % 30)), to: day(20 + (i % 30)) }, "UTC"),
    );

    const base = percentile(pk, 50);
    const ratio = (s: number[]) => `p95 ${(percentile(s, 95) / base).toFixed(1)}× a primary-key SELECT's median`;
    console.log(
      `bench/newsroom-list: ${ARTICLES.toLocaleString("en")} articles (2 revisions each), ${BUDGET_LINES.toLocaleString("en")} budget lines; seeded in ${seconds.toFixed(0)} s`,
    );
    console.log(
      `  (hits in the first 100: a common word ${await found({ q: "council" })}, three filters ${await found({ status: ["DRAFT", "IN_REVIEW"], sectionId: sectionId(1), authorId: writerId(1) })})`,
    );
    console.log(row("primary-key SELECT", pk));
    console.log(row("article list, first page", firstPage, ratio(firstPage)));
    console.log(row("article list, a word searched", searchWord, ratio(searchWord)));
    console.log(row("article list, a rare phrase searched", searchRare, ratio(searchRare)));
    console.log(row("article list, three filters", threeFilters, ratio(threeFilters)));
    console.log(row("article list, search + three filters", searchAndFilters, ratio(searchAndFilters)));
    console.log(row("article list, page 41", deepPage, ratio(deepPage)));
    console.log(row("article list, a writer's own", writerList, ratio(writerList)));
    console.log(row("budget, a week", week, ratio(week)));
    console.log(row("budget, a month of full lines", monthLines, ratio(monthLines)));
    console.log(row("calendar, a month (six weeks)", calendar, ratio(calendar)));
    const worst = Math.max(
      ...[firstPage, searchWord, searchRare, threeFilters, searchAndFilters, deepPage, writerList, week, calendar].map(
        (s) => percentile(s, 95),
      ),
    );
    console.log(
      `target: every p95 under 50 ms (the list, the week's budget, the month's calendar) — worst ${worst.toFixed(1)} ms: ${worst < 50 ? "met" : "NOT met"}`,
    );
    await db.$disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
