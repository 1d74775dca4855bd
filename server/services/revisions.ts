import type { ContentDocument } from "@/lib/content/document";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { visibleTo } from "./articles";
import { revisionContentSelect } from "./publishing";
import type { SessionUser } from "./users";

/** Every recorded version (published, workflow steps, saves), newest first, for someone who may read the article. */
export async function listRevisions(db: DbOrTx, actor: SessionUser, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, ...visibleTo(actor) },
    select: { id: true, liveRevisionId: true },
  });
  if (!article) throw notFound("That article");
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      headline: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { displayName: true } },
    },
  });
  return revisions.map((r) => ({ ...r, live: r.id === article.liveRevisionId }));
}

/** One recorded version; for a published one, exactly as readers saw it. */
export async function getRevision(db: DbOrTx, actor: SessionUser, articleId: string, revisionId: string) {
  const revision = await db.articleRevision.findFirst({
    where: { id: revisionId, articleId, article: visibleTo(actor) },
    select: {
      ...revisionContentSelect,
      id: true,
      kind: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { displayName: true } },
    },
  });
  if (!revision) throw notFound("That version");
  return { ...revision, body: revision.body as unknown as ContentDocument };
}
