import { diffDocuments, textChange, type FieldChange } from "@/lib/content/diff";
import type { ContentDocument } from "@/lib/content/document";
import { validateDocument } from "@/lib/content/validate";
import { formatInZone } from "@/lib/time-zone";
import type { Db, DbOrTx } from "../db/client";
import type { Prisma, RevisionKind } from "../db/generated/client";
import { badRequest, forbidden, notFound } from "../errors";
import { canEdit } from "../workflow/machine";
import { visibleTo } from "./articles";
import { revisionContentSelect } from "./publishing";
import type { SessionUser } from "./users";
import { keepSharedTextInStep } from "./article-edit";
import { lockArticle, type WorkflowEnv } from "./workflow";
import { writeSideStep } from "./workflow-write";

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

/** "current" is the working copy; anything else a recorded version's id. */
export type VersionRef = string;

const contentSelect = { ...revisionContentSelect, bodyText: true } as const;

interface VersionContent {
  headline: string;
  standfirst: string;
  body: ContentDocument;
  heroImageUrl: string | null;
  heroImageCaption: string | null;
  heroImageCredit: string | null;
  heroImageAlt: string | null;
}

export interface VersionSide {
  ref: VersionRef;
  kind: RevisionKind | "CURRENT";
  at: Date;
  by: string | null;
}

async function loadVersion(
  db: DbOrTx,
  articleId: string,
  ref: VersionRef,
): Promise<{ side: VersionSide; content: VersionContent }> {
  if (ref === "current") {
    const a = await db.article.findUniqueOrThrow({
      where: { id: articleId },
      select: { ...contentSelect, updatedAt: true, updatedBy: { select: { displayName: true } } },
    });
    return {
      side: { ref, kind: "CURRENT", at: a.updatedAt, by: a.updatedBy?.displayName ?? null },
      content: { ...a, body: a.body as unknown as ContentDocument },
    };
  }
  const r = await db.articleRevision.findFirst({
    where: { id: ref, articleId },
    select: { ...contentSelect, kind: true, updatedAt: true, createdBy: { select: { displayName: true } } },
  });
  if (!r) throw notFound("That version");
  return {
    side: { ref, kind: r.kind, at: r.updatedAt, by: r.createdBy?.displayName ?? null },
    content: { ...r, body: r.body as unknown as ContentDocument },
  };
}

const HERO_FIELDS = [
  ["heroImageUrl", "Hero image"],
  ["heroImageCaption", "Hero caption"],
  ["heroImageCredit", "Hero credit"],
  ["heroImageAlt", "Hero alt text"],
] as const;

/**
 * Two versions of an article compared (either may be the working copy): the headline,
 * standfirst and hero image fields that differ, and the body block by block, words marked.
 */
export async function compareVersions(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; from: VersionRef; to: VersionRef },
) {
  const article = await db.article.findFirst({
    where: { id: input.id, ...visibleTo(actor) },
    select: { id: true, headline: true },
  });
  if (!article) throw notFound("That article");
  const [from, to] = await Promise.all([
    loadVersion(db, article.id, input.from),
    loadVersion(db, article.id, input.to),
  ]);
  const fields: FieldChange[] = [
    textChange("Headline", from.content.headline, to.content.headline),
    textChange("Standfirst", from.content.standfirst, to.content.standfirst),
    ...HERO_FIELDS.map(([key, label]): FieldChange | null =>
      from.content[key] === to.content[key]
        ? null
        : { field: label, kind: "value", before: from.content[key], after: to.content[key] },
    ),
  ].filter((change): change is FieldChange => change !== null);
  return {
    article,
    from: from.side,
    to: to.side,
    fields,
    body: diffDocuments(from.content.body, to.content.body),
  };
}

/**
 * For an editor who approved this story: the version they approved, when the working copy
 * has changed since. Null when they never approved it or nothing changed after.
 */
export async function approvedVersion(db: DbOrTx, actor: SessionUser, articleId: string) {
  const approval = await db.workflowEvent.findFirst({
    where: { articleId, action: "APPROVE", actorId: actor.id, article: visibleTo(actor) },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (!approval) return null;
  // Every step snapshots the working copy with the step's own time and actor.
  const snapshot = await db.articleRevision.findFirst({
    where: { articleId, kind: "TRANSITION", createdAt: approval.createdAt, createdById: actor.id },
    select: { id: true, createdAt: true, ...contentSelect },
  });
  if (!snapshot) return null;
  const now = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: contentSelect });
  const same = (Object.keys(contentSelect) as (keyof typeof contentSelect)[]).every(
    (key) => JSON.stringify(snapshot[key]) === JSON.stringify(now[key]),
  );
  return same ? null : { revisionId: snapshot.id, approvedAt: snapshot.createdAt };
}

/**
 * Makes a recorded version the working copy again, as a new save ("Restored"): nothing is
 * deleted, the text it replaces is kept as a version first, so restoring that one undoes it.
 * Whoever may edit the article in its state may restore. A live story keeps what readers see
 * until an editor publishes the update.
 */
export async function restoreRevision(
  db: Db,
  actor: SessionUser,
  input: { id: string; revisionId: string; version: number },
  env: WorkflowEnv,
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, input.id, input.version, env.timeZone);
    if (!canEdit(article, workflowActor))
      throw forbidden("You cannot edit this article in its current state, so you cannot restore a version of it.");
    const revision = await tx.articleRevision.findFirst({
      where: { id: input.revisionId, articleId: article.id },
      select: { ...contentSelect, updatedAt: true, kind: true, createdBy: { select: { displayName: true } } },
    });
    if (!revision) throw notFound("That version");
    const body = validateDocument(revision.body);
    if (!body.ok) throw badRequest(`This version cannot be restored: ${body.error}`);
    const current = await tx.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { ...contentSelect, updatedById: true },
    });
    const latest = await tx.articleRevision.findFirst({
      where: { articleId: article.id },
      orderBy: { createdAt: "desc" },
      select: contentSelect,
    });
    const keys = Object.keys(contentSelect) as (keyof typeof contentSelect)[];
    const { updatedById, ...currentContent } = current;
    // The text being replaced is kept, so restoring is undone by restoring it.
    if (!latest || keys.some((key) => JSON.stringify(latest[key]) !== JSON.stringify(current[key]))) {
      await tx.articleRevision.create({
        data: {
          ...currentContent,
          body: currentContent.body as Prisma.InputJsonObject,
          kind: "SAVE",
          articleId: article.id,
          createdById: updatedById ?? actor.id,
          createdAt: new Date(env.now.getTime() - 1),
          updatedAt: new Date(env.now.getTime() - 1),
        },
      });
    }
    const content = {
      headline: revision.headline,
      standfirst: revision.standfirst,
      body: body.document as unknown as Prisma.InputJsonObject,
      bodyText: body.text,
      heroImageUrl: revision.heroImageUrl,
      heroImageCaption: revision.heroImageCaption,
      heroImageCredit: revision.heroImageCredit,
      heroImageAlt: revision.heroImageAlt,
    };
    const saved = await tx.article.update({
      where: { id: article.id },
      data: {
        ...content,
        version: { increment: 1 },
        detailsVersion: article.version + 1,
        textVersion: article.version + 1,
        updatedById: actor.id,
        ...(article.status === "PUBLISHED" || article.status === "UNPUBLISHED" ? { hasUnpublishedChanges: true } : {}),
      },
      select: { version: true },
    });
    await keepSharedTextInStep(tx, article.id, {
      headline: revision.headline,
      standfirst: revision.standfirst,
      body: body.document,
    });
    await tx.articleRevision.create({
      data: {
        ...content,
        kind: "RESTORED",
        articleId: article.id,
        createdById: actor.id,
        createdAt: env.now,
        updatedAt: env.now,
      },
    });
    const what = revision.kind === "PUBLISHED" ? "published" : "saved";
    await writeSideStep(tx, {
      articleId: article.id,
      action: "RESTORE_VERSION",
      status: article.status,
      actor,
      note: `The version ${what} ${formatInZone(revision.updatedAt, env.timeZone)}${revision.createdBy ? ` by ${revision.createdBy.displayName}` : ""}`,
      now: env.now,
      headline: revision.headline,
    });
    return saved;
  });
}
