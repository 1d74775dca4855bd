import { STATUS_LABELS } from "@/lib/article-status";
import { formatInZone } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma, WorkflowAction } from "../db/generated/client";
import { badRequest, conflict, DomainError, forbidden, notFound } from "../errors";
import { ACTION_LABELS, allowedActions, decide, type Action, type WorkflowActor } from "../workflow/machine";
import { notifyWorkflowStep } from "./notifications";
import { publishableSelect, publishBlocker, snapshotForPublish } from "./publishing";
import type { SessionUser } from "./users";

export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;

const EVENT_ACTION: Record<Action, WorkflowAction> = {
  submit: "SUBMIT",
  withdraw: "WITHDRAW",
  requestChanges: "REQUEST_CHANGES",
  approve: "APPROVE",
  publish: "PUBLISH",
  schedule: "SCHEDULE",
  unschedule: "UNSCHEDULE",
  unpublish: "UNPUBLISH",
  republish: "REPUBLISH",
  spike: "SPIKE",
  restore: "RESTORE",
  publishUpdate: "PUBLISH_UPDATE",
};

export interface TransitionRequest {
  articleId: string;
  action: Action;
  /** The version the user last saw. */
  version: number;
  note?: string;
  scheduledFor?: Date;
}

export interface WorkflowEnv {
  now: Date;
  timeZone: string;
}

const lockedArticleSelect = {
  ...publishableSelect,
  status: true,
  version: true,
  hasUnpublishedChanges: true,
  updatedAt: true,
  updatedBy: { select: { displayName: true } },
  authors: { select: { userId: true } },
} as const satisfies Prisma.ArticleSelect;

export type LockedArticle = Prisma.ArticleGetPayload<{ select: typeof lockedArticleSelect }>;

/**
 * Locks the article row for the rest of the transaction and loads it. A user who may not read
 * it gets NOT_FOUND, as for a missing article. A version other than the one the user saw is a
 * CONFLICT that says what the article is now and who changed it.
 */
export async function lockArticle(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  articleId: string,
  version: number,
  timeZone: string,
): Promise<{ article: LockedArticle; workflowActor: WorkflowActor }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("That article");
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: lockedArticleSelect });
  const isAuthor = article.authors.some((a) => a.userId === actor.id);
  if (!isAuthor && !can(actor.role, "article.readAll")) throw notFound("That article");
  if (article.version !== version) {
    const who = article.updatedBy?.displayName ?? "someone else";
    throw conflict(
      `This article changed after you opened it: it is now ${STATUS_LABELS[article.status]}, last changed by ${who} at ${formatInZone(article.updatedAt, timeZone)}. Reload to see the latest version.`,
    );
  }
  return { article, workflowActor: { role: actor.role, isAuthor } };
}

/** The error for a refused action: FORBIDDEN for the role, BAD_REQUEST naming the state and what is allowed. */
function refusal(article: LockedArticle, action: Action, actor: WorkflowActor, reason: "state" | "role" | "nothing-to-update"): DomainError {
  const label = ACTION_LABELS[action];
  if (reason === "role") return forbidden(`Your role cannot “${label}” this article.`);
  const allowed = allowedActions(article, actor).map((a) => ACTION_LABELS[a]);
  const what = reason === "nothing-to-update" ? "there are no unpublished changes" : `the article is ${STATUS_LABELS[article.status]}`;
  return new DomainError(
    "BAD_REQUEST",
    `Cannot “${label}”: ${what}. Allowed now: ${allowed.length > 0 ? allowed.join(", ") : "nothing"}.`,
  );
}

/** Checks the action-specific input, returning field messages for anything missing. */
function checkInput(request: TransitionRequest, needs: "note" | "reason" | "time" | undefined, env: WorkflowEnv) {
  const note = request.note?.trim() ?? "";
  if (needs === "note" && !note) throw badRequest("A note for the writer is required.", { note: ["Tell the writer what to change"] });
  if (needs === "reason" && !note) throw badRequest("A reason is required.", { note: ["Say why the article is being unpublished"] });
  if (needs === "time") {
    const at = request.scheduledFor;
    if (!at) throw badRequest("Choose when to publish.", { scheduledFor: ["Choose a date and time"] });
    if (at.getTime() <= env.now.getTime()) {
      throw badRequest("The publishing time must be in the future.", { scheduledFor: ["Choose a time in the future"] });
    }
    if (at.getTime() - env.now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
      throw badRequest("Articles can be scheduled at most a year ahead.", { scheduledFor: ["Choose a time within a year"] });
    }
  }
  return note || null;
}

/**
 * Moves an article through the workflow in one transaction: lock, check version, role and
 * state, check gates, write the new state, the event, a revision when publishing, and
 * notifications. Returns the new version.
 */
export async function transition(db: Db, actor: SessionUser, request: TransitionRequest, env: WorkflowEnv): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, request.articleId, request.version, env.timeZone);
    const decision = decide(article, request.action, workflowActor);
    if (!decision.ok) throw refusal(article, request.action, workflowActor, decision.reason);
    const note = checkInput(request, decision.needs, env);

    const data: Prisma.ArticleUncheckedUpdateInput = {
      status: decision.to,
      version: { increment: 1 },
      updatedById: actor.id,
      ...(decision.to !== article.status ? { statusChangedAt: env.now } : {}),
    };
    switch (request.action) {
      case "publish":
      case "publishUpdate":
      case "republish": {
        const blocker = publishBlocker(article, env.now, env.timeZone);
        if (blocker) throw badRequest(blocker);
        if (request.action !== "republish") {
          Object.assign(data, await snapshotForPublish(tx, article, { actorId: actor.id, now: env.now, update: request.action === "publishUpdate" }));
        }
        break;
      }
      case "schedule": {
        const at = request.scheduledFor ?? env.now;
        const blocker = publishBlocker(article, at, env.timeZone);
        if (blocker) throw badRequest(blocker, { scheduledFor: [blocker] });
        Object.assign(data, { scheduledFor: at, scheduleFailure: null });
        break;
      }
      case "unschedule":
      case "spike":
        Object.assign(data, { scheduledFor: null, scheduleFailure: null });
        break;
      default:
        break;
    }

    const updated = await tx.article.update({ where: { id: article.id }, data, select: { version: true } });
    const action = EVENT_ACTION[request.action];
    const eventNote = request.action === "schedule" && request.scheduledFor ? `For ${formatInZone(request.scheduledFor, env.timeZone)}` : note;
    await tx.workflowEvent.create({
      data: { articleId: article.id, action, fromStatus: article.status, toStatus: decision.to, actorId: actor.id, note: eventNote, createdAt: env.now },
    });
    await notifyWorkflowStep(tx, { articleId: article.id, headline: article.headline, action, actorId: actor.id, actorName: actor.displayName, note });
    return updated;
  });
}
