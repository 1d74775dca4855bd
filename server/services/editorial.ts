import type { Db } from "../db/client";
import { can } from "../auth/permissions";
import { badRequest, forbidden } from "../errors";
import { canEdit } from "../workflow/machine";
import { formatInZone } from "@/lib/time-zone";
import { lockArticle, type WorkflowEnv } from "./workflow";
import { writeSideStep } from "./workflow-write";
import type { SessionUser } from "./users";

// Editorial controls beside the state machine: legal review, embargoes and corrections.
// Each checks the version the user saw and records a step on the article's timeline.

export async function setLegalReview(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; version: number; required: boolean },
  env: WorkflowEnv,
) {
  return db.$transaction(async (tx) => {
    const { article } = await lockArticle(tx, actor, input.articleId, input.version, env.timeZone);
    if (!can(actor.role, "article.review")) throw forbidden("Only editors can mark an article for legal review.");
    const updated = await tx.article.update({
      where: { id: article.id },
      data: {
        legalReviewRequired: input.required,
        // Asking again for a review voids an earlier sign-off.
        ...(input.required ? { legalSignedOffAt: null, legalSignedOffById: null } : {}),
        version: { increment: 1 },
        updatedById: actor.id,
      },
      select: { version: true },
    });
    await tx.workflowEvent.create({
      data: {
        articleId: article.id,
        action: input.required ? "LEGAL_REVIEW_REQUIRED" : "LEGAL_REVIEW_CLEARED",
        fromStatus: article.status,
        toStatus: article.status,
        actorId: actor.id,
        createdAt: env.now,
      },
    });
    return updated;
  });
}

export async function signOffLegal(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; version: number; note?: string },
  env: WorkflowEnv,
) {
  return db.$transaction(async (tx) => {
    const { article } = await lockArticle(tx, actor, input.articleId, input.version, env.timeZone);
    if (!can(actor.role, "article.review")) throw forbidden("Only editors and admins can record a legal sign-off.");
    if (!article.legalReviewRequired) throw badRequest("This article is not marked for legal review.");
    const updated = await tx.article.update({
      where: { id: article.id },
      data: {
        legalSignedOffAt: env.now,
        legalSignedOffById: actor.id,
        version: { increment: 1 },
        updatedById: actor.id,
      },
      select: { version: true },
    });
    await tx.workflowEvent.create({
      data: {
        articleId: article.id,
        action: "LEGAL_SIGN_OFF",
        fromStatus: article.status,
        toStatus: article.status,
        actorId: actor.id,
        note: input.note?.trim() || null,
        createdAt: env.now,
      },
    });
    return updated;
  });
}

/** Sets or clears "embargoed until"; whoever may edit the article may change it. */
export async function setEmbargo(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; version: number; until: Date | null },
  env: WorkflowEnv,
) {
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, input.articleId, input.version, env.timeZone);
    if (!canEdit(article, workflowActor)) throw forbidden("You cannot change this article now.");
    if (article.status === "PUBLISHED" && input.until)
      throw badRequest("This article is already published: unpublish it before embargoing it.");
    const unchanged = (article.embargoedUntil?.getTime() ?? null) === (input.until?.getTime() ?? null);
    if (!unchanged)
      await writeSideStep(tx, {
        articleId: article.id,
        action: input.until ? "SET_EMBARGO" : "CLEAR_EMBARGO",
        status: article.status,
        actor,
        note: input.until ? `Embargoed until ${formatInZone(input.until, env.timeZone)}` : null,
        now: env.now,
        headline: article.headline,
      });
    return tx.article.update({
      where: { id: article.id },
      data: { embargoedUntil: input.until, version: { increment: 1 }, updatedById: actor.id },
      select: { version: true },
    });
  });
}

/** Appends a correction to a published (or once published) article. Corrections are never edited. */
export async function addCorrection(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; version: number; text: string },
  env: WorkflowEnv,
) {
  return db.$transaction(async (tx) => {
    const { article } = await lockArticle(tx, actor, input.articleId, input.version, env.timeZone);
    if (!can(actor.role, "article.publish")) throw forbidden("Only editors can attach corrections.");
    if (!article.publishedAt) throw badRequest("Corrections are for articles that have been published.");
    const text = input.text.trim();
    await tx.correction.create({ data: { articleId: article.id, text, createdById: actor.id, createdAt: env.now } });
    await writeSideStep(tx, {
      articleId: article.id,
      action: "CORRECTION",
      status: article.status,
      actor,
      note: text,
      now: env.now,
      headline: article.headline,
    });
    // A correction changes what readers see: the story's modified time (its page's "Updated",
    // JSON-LD dateModified, feeds' <updated>, the sitemap's <lastmod>) moves with it.
    return tx.article.update({
      where: { id: article.id },
      data: { version: { increment: 1 }, updatedById: actor.id, contentUpdatedAt: env.now },
      select: { version: true },
    });
  });
}
