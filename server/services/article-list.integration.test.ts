import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_STATUSES, type ArticleListQuery } from "@/lib/schemas/article-list";
import type { SessionUser } from "@/server/services/users";
import { callerFor, db, makeUser, outcome, workflowCallerFor } from "@/tests/db";

// The newsroom list against 5,000 stories: every page walk, filter and sort checked against
// the same rows filtered and sorted in plain JavaScript.

const N = 5000;
let writer: SessionUser;
let colleague: SessionUser;
let editor: SessionUser;
let sections: string[];

interface Row {
  id: string;
  headline: string;
  bodyText: string;
  status: string;
  sectionId: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  authorIds: string[];
  tags: string[];
  deadline: Date | null;
  assignees: string[];
}
let rows: Row[];

beforeAll(async () => {
  await db.$executeRawUnsafe(
    'TRUNCATE "BudgetAssignment", "BudgetItem", "ArticleTag", "ArticleAuthor", "WorkflowEvent", "Article", "Tag", "Section", "User" CASCADE',
  );
  writer = await makeUser("WRITER");
  colleague = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  sections = [];
  for (const name of ["News", "Sport", "Culture", "World"])
    sections.push((await db.section.create({ data: { slug: name.toLowerCase(), name } })).id);
  for (let t = 0; t < 10; t += 1) await db.tag.create({ data: { slug: `tag-${t}`, name: `Tag ${t}` } });
  // Statuses in turn; every 7th mentions a lighthouse in its body, every 11th a ferry in its
  // headline; two stories share each minute of "last change" (ties broken by id); a tenth
  // has no section.
  await db.$executeRaw`
    INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", status, "sectionId", "createdById", "updatedAt", "publishedAt", "scheduledFor")
    SELECT gen_random_uuid(), 'story-' || i,
      CASE WHEN i % 11 = 0 THEN 'Ferry story ' || i ELSE 'Story ' || i END,
      'Standfirst ' || i,
      '{"type":"doc","content":[]}'::jsonb,
      CASE WHEN i % 7 = 0 THEN 'The old lighthouse keeper spoke. ' ELSE 'Council news. ' END || i,
      -- Published ones start unpublished: they go live below, with their revision.
      CASE WHEN i % 8 = 5 THEN 'UNPUBLISHED' ELSE (${ARTICLE_STATUSES}::text[])[1 + i % 8] END::"ArticleStatus",
      CASE WHEN i % 10 = 9 THEN NULL ELSE (${sections}::uuid[])[1 + i % 4] END,
      ${writer.id}::uuid,
      timestamp '2026-11-01 00:00' + ((i / 2) * interval '1 minute'),
      CASE WHEN i % 8 = 5 THEN timestamp '2026-06-01 00:00' + ((i % 97) * interval '1 hour') END,
      CASE WHEN i % 8 = 4 THEN timestamp '2027-01-01 00:00' END
    FROM generate_series(0, ${N - 1}) AS i`;
  await db.$executeRaw`
    INSERT INTO "ArticleRevision" (id, "articleId", headline, standfirst, body, "bodyText")
    SELECT gen_random_uuid(), id, headline, standfirst, body, "bodyText" FROM "Article" WHERE status = 'UNPUBLISHED' AND "publishedAt" IS NOT NULL`;
  await db.$executeRaw`
    UPDATE "Article" a SET status = 'PUBLISHED', "liveRevisionId" = r.id, "updatedAt" = a."updatedAt"
    FROM "ArticleRevision" r WHERE r."articleId" = a.id`;
  await db.$executeRaw`
    INSERT INTO "ArticleAuthor" ("articleId", "userId", position)
    SELECT id, CASE WHEN substring(slug from 7)::int % 3 = 0 THEN ${colleague.id}::uuid ELSE ${writer.id}::uuid END, 0
    FROM "Article"`;
  await db.$executeRaw`
    INSERT INTO "ArticleTag" ("articleId", "tagId")
    SELECT a.id, t.id FROM "Article" a JOIN "Tag" t ON t.slug = 'tag-' || (substring(a.slug from 7)::int % 10)`;
  // Every 5th story came from the budget: a deadline (some shared), the writer or the colleague on it.
  await db.$executeRaw`
    INSERT INTO "BudgetItem" (id, title, "articleId", "createdById", "updatedAt", deadline, status)
    SELECT gen_random_uuid(), a.headline, a.id, ${editor.id}::uuid, now(),
      timestamp '2026-12-01 00:00' + ((substring(a.slug from 7)::int % 50) * interval '1 hour'), 'ASSIGNED'
    FROM "Article" a WHERE substring(a.slug from 7)::int % 5 = 0`;
  await db.$executeRaw`
    INSERT INTO "BudgetAssignment" ("itemId", "userId", role, position)
    SELECT b.id, CASE WHEN substring(a.slug from 7)::int % 2 = 0 THEN ${writer.id}::uuid ELSE ${colleague.id}::uuid END, 'REPORTER', 0
    FROM "BudgetItem" b JOIN "Article" a ON a.id = b."articleId"`;

  const stored = await db.article.findMany({
    select: {
      id: true,
      headline: true,
      bodyText: true,
      status: true,
      sectionId: true,
      updatedAt: true,
      publishedAt: true,
      authors: { select: { userId: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      budgetItem: { select: { deadline: true, assignees: { select: { userId: true } } } },
    },
  });
  rows = stored.map((a) => ({
    id: a.id,
    headline: a.headline,
    bodyText: a.bodyText,
    status: a.status,
    sectionId: a.sectionId,
    updatedAt: a.updatedAt,
    publishedAt: a.publishedAt,
    authorIds: a.authors.map((x) => x.userId),
    tags: a.tags.map((x) => x.tag.slug),
    deadline: a.budgetItem?.deadline ?? null,
    assignees: a.budgetItem?.assignees.map((x) => x.userId) ?? [],
  }));
  expect(rows).toHaveLength(N);
}, 120_000);

type Sort = "updated" | "published" | "deadline";
const keyOf = (row: Row, sort: Sort) =>
  sort === "updated" ? row.updatedAt : sort === "published" ? row.publishedAt : row.deadline;

/** The expected order: key (desc, or asc for deadlines), nulls last, then id the same way. */
function sorted(list: Row[], sort: Sort): string[] {
  const desc = sort !== "deadline";
  return [...list]
    .sort((x, y) => {
      const a = keyOf(x, sort)?.getTime() ?? null;
      const b = keyOf(y, sort)?.getTime() ?? null;
      if (a === null || b === null) {
        if (a !== b) return a === null ? 1 : -1;
      } else if (a !== b) return desc ? b - a : a - b;
      return desc ? (x.id < y.id ? 1 : -1) : x.id < y.id ? -1 : 1;
    })
    .map((row) => row.id);
}

/** Every page of a query, walked by its cursors. */
async function walk(user: SessionUser, query: ArticleListQuery): Promise<string[]> {
  const caller = await workflowCallerFor(user);
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await caller.article.list({ ...query, cursor });
    ids.push(...page.articles.map((a) => a.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("More than 200 pages");
}

describe("the newsroom list at 5,000 stories", () => {
  it("walks every story exactly once, in order, a page at a time, for each sort", async () => {
    for (const sort of ["updated", "published", "deadline"] as const) {
      const ids = await walk(editor, { sort, limit: 100 });
      expect(ids, sort).toEqual(sorted(rows, sort));
    }
  });

  it("searches the working copy's headline and body, stems words, and combines with filters", async () => {
    const lighthouse = rows.filter((r) => r.bodyText.includes("lighthouse"));
    expect(await walk(editor, { q: "lighthouses", limit: 100 })).toEqual(sorted(lighthouse, "updated"));
    const ferryInSport = rows.filter((r) => r.headline.startsWith("Ferry") && r.sectionId === sections[1]);
    expect(await walk(editor, { q: "ferry", sectionId: sections[1], limit: 37 })).toEqual(
      sorted(ferryInSport, "updated"),
    );
    // Anything typed is a search, never an error.
    const odd = await (await callerFor(editor)).article.list({ q: `"unclosed & | ! (:*` });
    expect(Array.isArray(odd.articles)).toBe(true);
  });

  it("filters by status, author, tag, assignee and date range together", async () => {
    // The newsroom's days are UTC in these tests: 1 November is [00:00, 24:00) UTC.
    const expected = rows.filter(
      (r) =>
        (r.status === "DRAFT" || r.status === "PUBLISHED") &&
        r.authorIds.includes(writer.id) &&
        r.tags.includes("tag-5") &&
        r.updatedAt >= new Date("2026-11-01T00:00:00Z") &&
        r.updatedAt < new Date("2026-11-02T00:00:00Z"),
    );
    expect(expected.length).toBeGreaterThan(5);
    const ids = await walk(editor, {
      status: ["DRAFT", "PUBLISHED"],
      authorId: writer.id,
      tag: "tag-5",
      from: "2026-11-01",
      to: "2026-11-01",
      limit: 3,
    });
    expect(ids).toEqual(sorted(expected, "updated"));

    const assigned = rows.filter((r) => r.assignees.includes(colleague.id));
    expect(await walk(editor, { assigneeId: colleague.id, sort: "deadline", limit: 100 })).toEqual(
      sorted(assigned, "deadline"),
    );
  });

  it("finds the stories crediting a contributor or agency with the same author filter", async () => {
    const agency = await db.contributor.create({
      data: { kind: "AGENCY", name: `List Wire ${Date.now()}`, slug: `list-wire-${Date.now()}` },
    });
    // Every 13th story credits the agency, after the writer.
    const credited = rows.filter((_, i) => i % 13 === 0);
    await db.articleContributor.createMany({
      data: credited.map((r) => ({ articleId: r.id, contributorId: agency.id, position: 1 })),
    });
    try {
      expect(credited.length).toBeGreaterThan(300);
      expect(await walk(editor, { authorId: agency.id, limit: 100 })).toEqual(sorted(credited, "updated"));
      // With another filter, both apply; an account's stories are still found by the account.
      const drafts = credited.filter((r) => r.status === "DRAFT");
      expect(await walk(editor, { authorId: agency.id, status: ["DRAFT"], limit: 100 })).toEqual(
        sorted(drafts, "updated"),
      );
      expect(await walk(editor, { authorId: writer.id, limit: 100 })).toEqual(
        sorted(
          rows.filter((r) => r.authorIds.includes(writer.id)),
          "updated",
        ),
      );
    } finally {
      await db.articleContributor.deleteMany({ where: { contributorId: agency.id } });
      await db.contributor.delete({ where: { id: agency.id } });
    }
  });

  it("shows a writer their colleagues' stories too, or only their own when the newsroom turns that off", async () => {
    expect(await walk(colleague, { limit: 100 })).toEqual(sorted(rows, "updated"));
    await db.newsroomSettings.create({ data: { id: 1, colleaguesCanRead: false } });
    try {
      const own = rows.filter((r) => r.authorIds.includes(colleague.id));
      expect(await walk(colleague, { limit: 100 })).toEqual(sorted(own, "updated"));
      expect(await walk(colleague, { authorId: writer.id, limit: 100 })).toEqual([]);
    } finally {
      await db.newsroomSettings.deleteMany();
    }
  });

  it("refuses a forged cursor, a reversed range and an oversized page with a 400", async () => {
    const caller = await callerFor(editor);
    expect(await outcome(caller.article.list({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
    const forged = Buffer.from(JSON.stringify({ k: "yesterday", id: "x" })).toString("base64url");
    expect(await outcome(caller.article.list({ cursor: forged }))).toBe("BAD_REQUEST");
    expect(await outcome(caller.article.list({ from: "2026-11-02", to: "2026-11-01" }))).toBe("BAD_REQUEST");
    expect(await outcome(caller.article.list({ limit: 1000 }))).toBe("BAD_REQUEST");
    expect(await outcome((await callerFor(null)).article.list({}))).toBe("UNAUTHORIZED");
  });
});
