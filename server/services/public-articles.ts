import type { ContentDocument } from "@/lib/content/document";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { bylineSelect } from "./articles";
import { revisionContentSelect } from "./publishing";

// What readers see: only PUBLISHED articles, and of those only the live revision, never the
// working copy an editor may be changing.

const LIVE: Prisma.ArticleWhereInput = { status: "PUBLISHED", liveRevisionId: { not: null } };

const publicArticleSelect = {
  id: true,
  slug: true,
  publishedAt: true,
  contentUpdatedAt: true,
  section: { select: { name: true, slug: true } },
  authors: bylineSelect,
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  liveRevision: { select: revisionContentSelect },
} as const satisfies Prisma.ArticleSelect;

type Row = Prisma.ArticleGetPayload<{ select: typeof publicArticleSelect }>;
type LiveContent = NonNullable<Row["liveRevision"]>;

export type PublicArticle = Omit<Row, "liveRevision" | "publishedAt"> &
  Omit<LiveContent, "body"> & { body: ContentDocument; publishedAt: Date };

function toPublic(row: Row): PublicArticle | null {
  const { liveRevision, publishedAt, ...rest } = row;
  if (!liveRevision || !publishedAt) return null;
  return { ...rest, ...liveRevision, publishedAt, body: liveRevision.body as unknown as ContentDocument };
}

export async function listPublished(db: DbOrTx, limit: number): Promise<PublicArticle[]> {
  const rows = await db.article.findMany({ where: LIVE, select: publicArticleSelect, orderBy: { publishedAt: "desc" }, take: limit });
  return rows.map(toPublic).filter((a): a is PublicArticle => a !== null);
}

export async function getPublishedBySlug(db: DbOrTx, slug: string): Promise<PublicArticle> {
  const row = await db.article.findFirst({ where: { slug, ...LIVE }, select: publicArticleSelect });
  const article = row && toPublic(row);
  if (!article) throw notFound("That article");
  return article;
}

/** "gone" for a story that was published and then taken down (410), "missing" for anything else not live. */
export async function slugAvailability(db: DbOrTx, slug: string): Promise<"live" | "gone" | "missing"> {
  const row = await db.article.findUnique({ where: { slug }, select: { status: true } });
  if (row?.status === "PUBLISHED") return "live";
  if (row?.status === "UNPUBLISHED") return "gone";
  return "missing";
}
