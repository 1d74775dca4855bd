import type { ContentDocument } from "@/lib/content/document";
import { countSuggestions } from "@/lib/content/suggestions";
import { can } from "../auth/permissions";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { allowedActions, canEdit, type Action } from "../workflow/machine";
import { mergeByline, type BylineName } from "@/lib/byline";
import { readableTo } from "./articles";
import { bylineSelect, contributorBylineSelect } from "./byline-select";
import { heroWithDimensions, type PublicArticle } from "./public-articles";
import { publishableSelect, publishBlocker } from "./publishing";
import type { SessionUser } from "./users";
import type { WorkflowEnv } from "./workflow";

const viewSelect = {
  ...publishableSelect,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  statusChangedAt: true,
  contentUpdatedAt: true,
  hasUnpublishedChanges: true,
  seoTitle: true,
  seoDescription: true,
  targetWords: true,
  language: true,
  kind: true,
  coverageEndedAt: true,
  pinnedAt: true,
  scheduledFor: true,
  scheduleFailure: true,
  reviewAt: true,
  reviewSentAt: true,
  legalSignedOffBy: { select: { displayName: true } },
  updatedBy: { select: { displayName: true } },
  section: { select: { id: true, name: true, slug: true } },
  authors: bylineSelect,
  contributors: contributorBylineSelect,
  events: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      action: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { displayName: true } },
    },
  },
  corrections: {
    orderBy: { createdAt: "asc" },
    select: { id: true, text: true, createdAt: true, createdBy: { select: { displayName: true } } },
  },
  tags: { select: { tag: { select: { name: true, slug: true } } } },
} as const satisfies Prisma.ArticleSelect;

type Row = Prisma.ArticleGetPayload<{ select: typeof viewSelect }>;

export type NewsroomArticleView = Omit<Row, "body" | "_count"> & {
  body: ContentDocument;
  allowedActions: Action[];
  canEdit: boolean;
  /** Editors see it before pressing Publish: why publishing would be refused now. */
  publishBlocker: string | null;
  /** Suggestions nobody has decided, comment threads nobody has resolved (the publish gate). */
  openSuggestions: number;
  openCommentThreads: number;
  isEditor: boolean;
  /** A writer reading a colleague's story: read-only, without its history or comments. */
  colleague: boolean;
  /** Its accounts and contributors in byline order. */
  byline: BylineName[];
};

/** The article as the newsroom sees it, with what this user may do to it now. */
export async function getNewsroomArticle(
  db: DbOrTx,
  actor: SessionUser,
  id: string,
  env: WorkflowEnv,
): Promise<NewsroomArticleView> {
  const row = await db.article.findFirst({ where: { id, ...(await readableTo(db, actor)) }, select: viewSelect });
  if (!row) throw notFound("That article");
  const isAuthor = row.authors.some((a) => a.user.id === actor.id);
  const colleague = !isAuthor && !can(actor.role, "article.readAll");
  const workflowActor = { role: actor.role, isAuthor };
  const { body, ...rest } = row;
  return {
    ...rest,
    body: body as unknown as ContentDocument,
    allowedActions: colleague ? [] : allowedActions(row, workflowActor),
    canEdit: !colleague && canEdit(row, workflowActor),
    publishBlocker: publishBlocker(row, env.now, env.timeZone),
    openSuggestions: countSuggestions(body as unknown as ContentDocument),
    openCommentThreads: row._count.commentThreads,
    isEditor: can(actor.role, "article.review"),
    colleague,
    byline: mergeByline(row.authors, row.contributors),
  };
}

/**
 * The working copy in the shape the public page renders, for the newsroom preview: the page
 * shows exactly what readers would see if it went live now.
 */
export async function getPreview(
  db: DbOrTx,
  actor: SessionUser,
  id: string,
  env: WorkflowEnv,
): Promise<PublicArticle & { status: NewsroomArticleView["status"] }> {
  const article = await getNewsroomArticle(db, actor, id, env);
  return {
    id: article.id,
    slug: article.slug,
    language: article.language,
    status: article.status,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    publishedAt: article.publishedAt ?? env.now,
    contentUpdatedAt: article.hasUnpublishedChanges ? env.now : article.contentUpdatedAt,
    section: article.section && { name: article.section.name, slug: article.section.slug },
    authors: article.byline,
    tags: article.tags.map((t) => t.tag),
    hero: await heroWithDimensions(db, article),
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    kind: article.kind,
    coverageEndedAt: article.coverageEndedAt,
    corrections: article.corrections.map(({ id: correctionId, text, createdAt }) => ({
      id: correctionId,
      text,
      createdAt,
    })),
  };
}
