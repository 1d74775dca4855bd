import type { RoleName } from "@/lib/roles";
import type { ArticleStatusName } from "@/lib/article-status";
import { ACTIONS, type Action } from "@/lib/workflow-actions";
import { can } from "../auth/permissions";

export { ACTION_LABELS, ACTIONS, type Action } from "@/lib/workflow-actions";

// The editorial state machine: pure data and functions, no database. The services in
// server/services/workflow.ts load the article, ask this module, then write.

export const STATUSES = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SCHEDULED",
  "PUBLISHED",
  "UNPUBLISHED",
  "SPIKED",
] as const satisfies readonly ArticleStatusName[];

export interface WorkflowActor {
  role: RoleName;
  /** Listed among the article's authors. */
  isAuthor: boolean;
}

export interface ArticleFacts {
  status: ArticleStatusName;
  /** The working copy differs from the live revision (only meaningful when published). */
  hasUnpublishedChanges: boolean;
}

type Who = (actor: WorkflowActor, from: ArticleStatusName) => boolean;
const editorial: Who = (actor) => can(actor.role, "article.review");
const publisher: Who = (actor) => can(actor.role, "article.publish");

interface Rule {
  from: readonly ArticleStatusName[];
  to: ArticleStatusName;
  who: Who;
  /** What the actor must supply. */
  needs?: "note" | "reason" | "time";
}

export const RULES: Record<Action, Rule> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "IN_REVIEW", who: (a) => a.isAuthor || editorial(a, "DRAFT") },
  withdraw: { from: ["IN_REVIEW"], to: "DRAFT", who: (a) => a.isAuthor },
  requestChanges: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", who: editorial, needs: "note" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", who: editorial },
  publish: { from: ["APPROVED", "IN_REVIEW"], to: "PUBLISHED", who: publisher },
  schedule: { from: ["APPROVED"], to: "SCHEDULED", who: publisher, needs: "time" },
  /** Another publishing time for a scheduled story (the planning calendar moves it so). */
  reschedule: { from: ["SCHEDULED"], to: "SCHEDULED", who: publisher, needs: "time" },
  unschedule: { from: ["SCHEDULED"], to: "APPROVED", who: publisher },
  unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", who: publisher, needs: "reason" },
  republish: { from: ["UNPUBLISHED"], to: "PUBLISHED", who: publisher },
  spike: {
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SCHEDULED", "UNPUBLISHED"],
    to: "SPIKED",
    who: (a, from) => editorial(a, from) || (a.isAuthor && from === "DRAFT"),
  },
  restore: { from: ["SPIKED"], to: "DRAFT", who: editorial },
  publishUpdate: { from: ["PUBLISHED"], to: "PUBLISHED", who: publisher },
};

export type Decision =
  | { ok: true; to: ArticleStatusName; needs?: Rule["needs"] }
  | { ok: false; reason: "state" | "role" | "nothing-to-update" };

/** Whether `actor` may take `action` on an article in this state, and where it leads. */
export function decide(article: ArticleFacts, action: Action, actor: WorkflowActor): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(article.status)) return { ok: false, reason: "state" };
  if (!rule.who(actor, article.status)) return { ok: false, reason: "role" };
  if (action === "publishUpdate" && !article.hasUnpublishedChanges) return { ok: false, reason: "nothing-to-update" };
  return { ok: true, to: rule.to, needs: rule.needs };
}

/** Every action this actor may take now, in a stable order (what the UI shows). */
export function allowedActions(article: ArticleFacts, actor: WorkflowActor): Action[] {
  return ACTIONS.filter((action) => decide(article, action, actor).ok);
}

/** Authors edit while the article is theirs to change; editors edit in any state. */
export function canEdit(article: Pick<ArticleFacts, "status">, actor: WorkflowActor): boolean {
  if (can(actor.role, "article.editAll")) return true;
  return actor.isAuthor && (article.status === "DRAFT" || article.status === "CHANGES_REQUESTED");
}
