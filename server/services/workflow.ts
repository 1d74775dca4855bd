import { STATUS_LABELS } from "@/lib/article-status";
import { formatInZone } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { DbOrTx } from "../db/client";
import type { Prisma, WorkflowAction } from "../db/generated/client";
import { badRequest, conflict, DomainError, forbidden, notFound } from "../errors";
import { ACTION_LABELS, allowedActions, decide, type Action, type WorkflowActor } from "../workflow/machine";
import { publishableSelect, publishBlocker } from "./publishing";
import { writeStep } from "./workflow-write";
import type { SessionUser } from "./users";

export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;

const EVENT_ACTION: Record<Action, WorkflowAction> = {
  submit: "SUBMIT",
  withdraw: "WITHDRAW",
  requestChanges: "REQUEST_CHANGES",
  approve: "APPROVE",
  publish: "PUBLISH",
  schedule: "SCHEDULE",
  reschedule: "RESCHEDULE",
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

const stepArticleSelect = {
  ...publishableSelect,
  status: true,
  version: true,
  scheduledFor: true,
  hasUnpublishedChanges: true,
  updatedAt: true,
  updatedBy: { select: { displayName: true } },
  authors: { select: { userId: true } },
} as const satisfies Prisma.ArticleSelect;

export type StepArticle = Prisma.ArticleGetPayload<{ select: typeof stepArticleSelect }>;

/** What an edit or an editorial control checks under the row lock: not the body, which can be long. */
const lockedArticleSelect = {
  ...stepArticleSelect,
  detailsVersion: true,
  textVersion: true,
  body: false,
  bodyText: false,
} as const satisfies Prisma.ArticleSelect;

export type LockedArticle = Prisma.ArticleGetPayload<{ select: typeof lockedArticleSelect }>;

/** A user who may not read the article gets NOT_FOUND, as for a missing one. */
export function readableBy<T extends { authors: { userId: string }[] }>(
  article: T | null,
  actor: SessionUser,
): { article: T; workflowActor: WorkflowActor } {
  const isAuthor = article?.authors.some((a) => a.userId === actor.id) ?? false;
  if (!article || (!isAuthor && !can(actor.role, "article.readAll"))) throw notFound("That article");
  return { article, workflowActor: { role: actor.role, isAuthor } };
}

/** Loads the article for a step. */
async function loadForStep(
  db: DbOrTx,
  actor: SessionUser,
  articleId: string,
): Promise<{ article: StepArticle; workflowActor: WorkflowActor }> {
  return readableBy(await db.article.findUnique({ where: { id: articleId }, select: stepArticleSelect }), actor);
}

/** The CONFLICT for a version the user saw that is no longer current: what it is now, and who changed it. */
function staleVersion(article: Pick<StepArticle, "status" | "updatedAt" | "updatedBy">, timeZone: string): DomainError {
  const who = article.updatedBy?.displayName ?? "someone else";
  return conflict(
    `This article changed after you opened it: it is now ${STATUS_LABELS[article.status]}, last changed by ${who} at ${formatInZone(article.updatedAt, timeZone)}. Reload to see the latest version.`,
  );
}

/**
 * For multi-statement changes (edits, editorial controls): locks the article row for the rest
 * of the transaction, loads it (without its body), and checks the version the user saw.
 */
/** Holds the article's row until the transaction ends (NOT_FOUND when there is none). */
export async function lockArticleRow(tx: Prisma.TransactionClient, articleId: string): Promise<void> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("That article");
}

export async function lockArticle(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  articleId: string,
  version: number,
  timeZone: string,
  /**
   * "all": nothing may have happened since `version` (workflow steps, editorial controls).
   * "details": the caller changes only what is not co-edited, so stores of the shared text
   * since `version` do not count; any other save since then does.
   * "save": a form save of the text and details: a change to either since `version` is a
   * conflict (it would be replaced); a workflow step or an editorial control is not.
   */
  scope: "all" | "details" | "save" = "all",
  /**
   * Asked when `version` is not current: true when the caller's change would leave the
   * article as it is (then no conflict: `alreadySaved`, and the caller writes nothing).
   */
  changesNothing?: (article: LockedArticle) => Promise<boolean>,
): Promise<{ article: LockedArticle; workflowActor: WorkflowActor; alreadySaved: boolean }> {
  await lockArticleRow(tx, articleId);
  const loaded = readableBy(
    await tx.article.findUnique({ where: { id: articleId }, select: lockedArticleSelect }),
    actor,
  );
  const { article } = loaded;
  const current =
    scope === "all"
      ? article.version === version
      : version <= article.version &&
        version >=
          (scope === "details" ? article.detailsVersion : Math.max(article.detailsVersion, article.textVersion));
  if (current) return { ...loaded, alreadySaved: false };
  if (changesNothing && (await changesNothing(article))) return { ...loaded, alreadySaved: true };
  throw staleVersion(article, timeZone);
}

/** The error for a refused action: FORBIDDEN for the role, BAD_REQUEST naming the state and what is allowed. */
function refusal(
  article: StepArticle,
  action: Action,
  actor: WorkflowActor,
  reason: "state" | "role" | "nothing-to-update",
): DomainError {
  const label = ACTION_LABELS[action];
  if (reason === "role") return forbidden(`Your role cannot “${label}” this article.`);
  const allowed = allowedActions(article, actor).map((a) => ACTION_LABELS[a]);
  const what =
    reason === "nothing-to-update"
      ? "there are no unpublished changes"
      : `the article is ${STATUS_LABELS[article.status]}`;
  return new DomainError(
    "BAD_REQUEST",
    `Cannot “${label}”: ${what}. Allowed now: ${allowed.length > 0 ? allowed.join(", ") : "nothing"}.`,
  );
}

/** Checks the action-specific input, returning field messages for anything missing. */
function checkInput(request: TransitionRequest, needs: "note" | "reason" | "time" | undefined, env: WorkflowEnv) {
  const note = request.note?.trim() ?? "";
  if (needs === "note" && !note)
    throw badRequest("A note for the writer is required.", { note: ["Tell the writer what to change"] });
  if (needs === "reason" && !note)
    throw badRequest("A reason is required.", { note: ["Say why the article is being unpublished"] });
  if (needs === "time") {
    const at = request.scheduledFor;
    if (!at) throw badRequest("Choose when to publish.", { scheduledFor: ["Choose a date and time"] });
    if (at.getTime() <= env.now.getTime()) {
      throw badRequest("The publishing time must be in the future.", { scheduledFor: ["Choose a time in the future"] });
    }
    if (at.getTime() - env.now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
      throw badRequest("Articles can be scheduled at most a year ahead.", {
        scheduledFor: ["Choose a time within a year"],
      });
    }
  }
  return note || null;
}

/**
 * Moves an article through the workflow: checks visibility, the version the user saw, role,
 * state, input and publish gates, then writes the new state, the event, a revision when
 * publishing, and notifications as one atomic statement that only applies if nobody moved
 * the article in between. Returns the new version.
 */
export async function transition(
  db: DbOrTx,
  actor: SessionUser,
  request: TransitionRequest,
  env: WorkflowEnv,
): Promise<{ version: number }> {
  const { article, workflowActor } = await loadForStep(db, actor, request.articleId);
  if (article.version !== request.version) throw staleVersion(article, env.timeZone);
  const decision = decide(article, request.action, workflowActor);
  if (!decision.ok) throw refusal(article, request.action, workflowActor, decision.reason);
  const note = checkInput(request, decision.needs, env);

  const publishing =
    request.action === "publish" || request.action === "publishUpdate" || request.action === "republish";
  if (publishing) {
    const blocker = publishBlocker(article, env.now, env.timeZone);
    if (blocker) throw badRequest(blocker);
  }
  const timed = request.action === "schedule" || request.action === "reschedule";
  if (timed && request.scheduledFor) {
    if (request.action === "reschedule" && article.scheduledFor?.getTime() === request.scheduledFor.getTime()) {
      const same = `It is already scheduled for ${formatInZone(request.scheduledFor, env.timeZone)}.`;
      throw badRequest(same, { scheduledFor: [same] });
    }
    const blocker = publishBlocker(article, request.scheduledFor, env.timeZone);
    if (blocker) throw badRequest(blocker, { scheduledFor: [blocker] });
  }

  const version = await writeStep(db, {
    articleId: article.id,
    expectedVersion: request.version,
    from: article.status,
    to: decision.to,
    action: EVENT_ACTION[request.action],
    actor: { id: actor.id, displayName: actor.displayName },
    note: timed && request.scheduledFor ? `For ${formatInZone(request.scheduledFor, env.timeZone)}` : note,
    now: env.now,
    headline: article.headline,
    publish: request.action === "publish" ? "first" : request.action === "publishUpdate" ? "update" : undefined,
    ...(timed ? { scheduledFor: request.scheduledFor ?? null, scheduleFailure: null } : {}),
    ...(request.action === "unschedule" || request.action === "spike"
      ? { scheduledFor: null, scheduleFailure: null }
      : {}),
  });
  if (version === null) throw staleVersion((await loadForStep(db, actor, article.id)).article, env.timeZone);
  return { version };
}
