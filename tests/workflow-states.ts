import type { ArticleStatusName } from "@/lib/article-status";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import type { Action } from "@/server/workflow/machine";
import { db, env, FIXED_NOW, makeReadyDraft, versionOf } from "./db";

/** The real transitions that take a fresh draft to each state. */
const PATHS: Record<ArticleStatusName, Action[]> = {
  DRAFT: [],
  IN_REVIEW: ["submit"],
  CHANGES_REQUESTED: ["submit", "requestChanges"],
  APPROVED: ["submit", "approve"],
  SCHEDULED: ["submit", "approve", "schedule"],
  PUBLISHED: ["submit", "publish"],
  UNPUBLISHED: ["submit", "publish", "unpublish"],
  SPIKED: ["spike"],
};

/** A ready draft by `author`, moved by `editor` through the workflow into `status`. */
export async function articleIn(
  status: ArticleStatusName,
  author: SessionUser,
  editor: SessionUser,
  headline?: string,
) {
  const article = await makeReadyDraft(author, headline ?? `Story in ${status.toLowerCase()}`);
  for (const action of PATHS[status]) {
    await transition(
      db,
      editor,
      {
        articleId: article.id,
        action,
        version: await versionOf(article.id),
        note: action === "requestChanges" || action === "unpublish" ? "A note" : undefined,
        scheduledFor: action === "schedule" ? new Date(FIXED_NOW.getTime() + 3600_000) : undefined,
      },
      env(),
    );
  }
  return { id: article.id, slug: article.slug, version: await versionOf(article.id) };
}
