import { bylineSelect, contributorBylineSelect } from "./byline-select";
import type { DbOrTx } from "../db/client";
import type { ArticleStatus, Prisma } from "../db/generated/client";
import type { SessionUser } from "./users";

const rowSelect = {
  id: true,
  headline: true,
  status: true,
  statusChangedAt: true,
  scheduledFor: true,
  scheduleFailure: true,
  publishedAt: true,
  updatedAt: true,
  authors: bylineSelect,
  contributors: contributorBylineSelect,
} as const satisfies Prisma.ArticleSelect;

export type DashboardRow = Prisma.ArticleGetPayload<{ select: typeof rowSelect }> & { note?: string | null };

export interface DashboardGroup {
  key: string;
  title: string;
  count: number;
  rows: DashboardRow[];
}

const LIMIT = 50;

async function group(
  db: DbOrTx,
  key: string,
  title: string,
  where: Prisma.ArticleWhereInput,
  orderBy: Prisma.ArticleOrderByWithRelationInput,
): Promise<DashboardGroup> {
  const [count, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({ where, orderBy, take: LIMIT, select: rowSelect }),
  ]);
  return { key, title, count, rows };
}

/** A writer's own work, grouped by where it stands; sent-back articles carry the editor's note. */
export async function writerDashboard(db: DbOrTx, actor: SessionUser): Promise<DashboardGroup[]> {
  const mine = (status: ArticleStatus): Prisma.ArticleWhereInput => ({
    status,
    authors: { some: { userId: actor.id } },
  });
  const groups = await Promise.all([
    group(db, "changes", "Changes requested", mine("CHANGES_REQUESTED"), { statusChangedAt: "desc" }),
    group(db, "drafts", "My drafts", mine("DRAFT"), { updatedAt: "desc" }),
    group(db, "review", "In review", mine("IN_REVIEW"), { statusChangedAt: "asc" }),
    group(db, "scheduled", "Scheduled", mine("SCHEDULED"), { scheduledFor: "asc" }),
    group(db, "published", "Published", mine("PUBLISHED"), { publishedAt: "desc" }),
  ]);
  const sentBack = groups[0]?.rows ?? [];
  if (sentBack.length > 0) {
    const notes = await db.workflowEvent.findMany({
      where: { articleId: { in: sentBack.map((r) => r.id) }, action: "REQUEST_CHANGES" },
      orderBy: { createdAt: "desc" },
      select: { articleId: true, note: true },
    });
    for (const row of sentBack) row.note = notes.find((n) => n.articleId === row.id)?.note ?? null;
  }
  return groups;
}

/** Articles waiting for an editor, oldest first. */
export function reviewQueue(db: DbOrTx): Promise<DashboardGroup> {
  return group(db, "review", "Review queue", { status: "IN_REVIEW" }, { statusChangedAt: "asc" });
}

/** The editors' desk: the review queue oldest first, then what is approved, scheduled, failed and recently out. */
export function editorDashboard(db: DbOrTx): Promise<DashboardGroup[]> {
  return Promise.all([
    reviewQueue(db),
    group(
      db,
      "failed",
      "Failed schedules",
      { status: "SCHEDULED", scheduleFailure: { not: null } },
      { scheduledFor: "asc" },
    ),
    group(db, "approved", "Approved", { status: "APPROVED" }, { statusChangedAt: "asc" }),
    group(db, "scheduled", "Scheduled", { status: "SCHEDULED", scheduleFailure: null }, { scheduledFor: "asc" }),
    group(db, "published", "Recently published", { status: "PUBLISHED" }, { publishedAt: "desc" }),
  ]);
}
