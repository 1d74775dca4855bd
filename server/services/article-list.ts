import { z } from "zod";
import type { ArticleListInput, ListSort } from "@/lib/schemas/article-list";
import { addDays } from "@/lib/budget";
import { startOfDayIn } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { badRequest } from "../errors";
import { newsroomArticleSelect, type NewsroomArticle } from "./articles";
import { newsroomSettings } from "./newsroom-settings";
import type { SessionUser } from "./users";

// The newsroom's article list at any size: full-text search over the working copy (a vector
// PostgreSQL keeps, GIN-indexed), filters, three sorts and keyset pagination (a cursor names
// the last row seen, so page 500 costs what page 1 does). One query finds the page's ids in
// order; a second loads what the list shows of them.

/**
 * The sort's column and direction; nulls (never published, no deadline) come last. Each order
 * is exactly an index's (read forwards or backwards), so a page reads only its own rows.
 */
const SORTS: Record<ListSort, { key: Prisma.Sql; desc: boolean; nullable: boolean }> = {
  updated: { key: Prisma.sql`a."updatedAt"`, desc: true, nullable: false },
  published: { key: Prisma.sql`a."publishedAt"`, desc: true, nullable: true },
  deadline: { key: Prisma.sql`b."deadline"`, desc: false, nullable: true },
};

const cursorSchema = z.object({ k: z.iso.datetime().nullable(), id: z.uuid() });
type Cursor = z.infer<typeof cursorSchema>;

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(value: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw badRequest("That page link is broken: start again from the first page.", {
      cursor: ["That page link is broken"],
    });
  }
}

/** Rows after the cursor in the sort's order (key, then id, nulls last). */
function after(cursor: Cursor, key: Prisma.Sql, desc: boolean): Prisma.Sql {
  const beyond = desc ? Prisma.sql`<` : Prisma.sql`>`;
  if (cursor.k === null) return Prisma.sql`(${key} IS NULL AND a.id ${beyond} ${cursor.id}::uuid)`;
  const k = new Date(cursor.k);
  return Prisma.sql`(${key} ${beyond} ${k}::timestamp OR (${key} = ${k}::timestamp AND a.id ${beyond} ${cursor.id}::uuid) OR ${key} IS NULL)`;
}

/** The start of a newsroom day as an instant. */
function dayStart(day: string, timeZone: string): Date {
  const instant = startOfDayIn(day, timeZone);
  if (!instant) throw badRequest("Choose a day that exists", { from: ["Choose a day that exists"] });
  return instant;
}

export type ListedArticle = NewsroomArticle & { deadline: Date | null };
export interface ArticlePage {
  articles: ListedArticle[];
  /** The next page's cursor; null on the last page. */
  nextCursor: string | null;
}

export async function listArticles(
  db: DbOrTx,
  actor: SessionUser,
  input: ArticleListInput,
  timeZone: string,
): Promise<ArticlePage> {
  const { key, desc, nullable } = SORTS[input.sort];
  const where: Prisma.Sql[] = [];
  // Writers see their own stories, and their colleagues' too when the newsroom allows it.
  if (!can(actor.role, "article.readAll") && !(await newsroomSettings(db)).colleaguesCanRead)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" aa WHERE aa."articleId" = a.id AND aa."userId" = ${actor.id}::uuid)`,
    );
  // Control characters are no words; websearch_to_tsquery accepts anything else.
  const q = input.q.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (q) where.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${q})`);
  if (input.status.length > 0) where.push(Prisma.sql`a.status = ANY(${input.status}::"ArticleStatus"[])`);
  if (input.sectionId) where.push(Prisma.sql`a."sectionId" = ${input.sectionId}::uuid`);
  // Anyone on the byline: a newsroom account or a contributor (ids never collide: both uuids).
  if (input.authorId)
    where.push(
      Prisma.sql`(EXISTS (SELECT 1 FROM "ArticleAuthor" au WHERE au."articleId" = a.id AND au."userId" = ${input.authorId}::uuid)
        OR EXISTS (SELECT 1 FROM "ArticleContributor" ac WHERE ac."articleId" = a.id AND ac."contributorId" = ${input.authorId}::uuid))`,
    );
  if (input.tag)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = a.id AND (t.slug = ${input.tag} OR lower(t.name) = lower(${input.tag})))`,
    );
  if (input.assigneeId)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "BudgetAssignment" ba WHERE ba."itemId" = b.id AND ba."userId" = ${input.assigneeId}::uuid)`,
    );
  if (input.from) where.push(Prisma.sql`${key} >= ${dayStart(input.from, timeZone)}::timestamp`);
  if (input.to) where.push(Prisma.sql`${key} < ${dayStart(addDays(input.to, 1), timeZone)}::timestamp`);
  if (input.cursor) where.push(after(decodeCursor(input.cursor), key, desc));

  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const nulls = nullable ? Prisma.sql`NULLS LAST` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; k: Date | null }[]>`
    SELECT a.id, ${key} AS k
    FROM "Article" a LEFT JOIN "BudgetItem" b ON b."articleId" = a.id
    WHERE ${where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`}
    ORDER BY ${key} ${direction} ${nulls}, a.id ${direction}
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const details = await db.article.findMany({
    where: { id: { in: page.map((row) => row.id) } },
    select: { ...newsroomArticleSelect, budgetItem: { select: { deadline: true } } },
  });
  const byId = new Map(
    details.map(({ budgetItem, ...article }) => [article.id, { ...article, deadline: budgetItem?.deadline ?? null }]),
  );
  const last = page.at(-1);
  return {
    articles: page.flatMap((row) => byId.get(row.id) ?? []),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ k: last.k ? last.k.toISOString() : null, id: last.id }) : null,
  };
}
