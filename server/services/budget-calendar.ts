import { addDays } from "@/lib/budget";
import { formatInZone, formatTimeInZone, fromZonedInput, startOfDayIn, toZonedInput } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { Db, DbOrTx } from "../db/client";
import { Prisma, type ArticleStatus, type BudgetStatus } from "../db/generated/client";
import { badRequest, conflict } from "../errors";
import { budgetRefusal, budgetState } from "../workflow/budget";
import { visibleTo } from "./articles";
import { budgetLineSelect, dayDate, lockLine, refuse, toLine, type BudgetLine } from "./budget";
import type { SessionUser } from "./users";
import { lockArticleRow, transition, type WorkflowEnv } from "./workflow";

// The planning calendar: budget lines on their planned days, and the stories that are
// scheduled or went live in the span; moving a line to another day keeps its time window's
// time of day.

function dayStart(day: string, timeZone: string): Date {
  const instant = startOfDayIn(day, timeZone);
  if (!instant) throw badRequest("Choose a day that exists");
  return instant;
}

/** The same wall-clock time on another day; null when that time does not exist there. */
function sameTimeOn(instant: Date | null, day: string, timeZone: string): Date | null {
  if (!instant) return null;
  return fromZonedInput(`${day}T${formatTimeInZone(instant, timeZone)}`, timeZone);
}

/**
 * Moves a line to another day; its window keeps its time of day. Who may change it may move
 * it. When its story is scheduled, the story moves with it (same time of day, through the
 * workflow's reschedule step and its checks) once the person has confirmed it; both or neither.
 */
export async function moveBudgetLine(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; plannedDay: string; reschedule?: boolean },
  env: WorkflowEnv,
): Promise<BudgetLine> {
  const { timeZone } = env;
  return db.$transaction(async (tx) => {
    const row = await lockLine(tx, actor, input.id, input.version);
    refuse("edit", row, actor);
    const windowStart = sameTimeOn(row.windowStart, input.plannedDay, timeZone);
    const windowEnd = sameTimeOn(row.windowEnd, input.plannedDay, timeZone);
    if ((row.windowStart && !windowStart) || (row.windowEnd && !windowEnd))
      throw badRequest("The time window does not exist on that day (the clocks change): choose another day.");
    if (row.article?.status === "SCHEDULED") await rescheduleWithLine(tx, actor, row.article.id, input, env);
    const updated = await tx.budgetItem.update({
      where: { id: row.id },
      data: { plannedDay: dayDate(input.plannedDay), windowStart, windowEnd, version: { increment: 1 } },
      select: budgetLineSelect,
    });
    return toLine(updated);
  });
}

/** The line's scheduled story, moved to the same time of day on the line's new day. */
async function rescheduleWithLine(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  articleId: string,
  input: { plannedDay: string; reschedule?: boolean },
  env: WorkflowEnv,
): Promise<void> {
  await lockArticleRow(tx, articleId);
  const story = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { status: true, version: true, scheduledFor: true },
  });
  if (story.status !== "SCHEDULED" || !story.scheduledFor) return;
  if (!input.reschedule)
    throw conflict(
      `Its story is scheduled for ${formatInZone(story.scheduledFor, env.timeZone)}: moving the line reschedules it. Reload the calendar and confirm.`,
    );
  const at = sameTimeOn(story.scheduledFor, input.plannedDay, env.timeZone);
  if (!at)
    throw badRequest("Its story's publishing time does not exist on that day (the clocks change): choose another day.");
  if (at.getTime() === story.scheduledFor.getTime()) return;
  await transition(tx, actor, { articleId, action: "reschedule", version: story.version, scheduledFor: at }, env);
}

export interface CalendarLine {
  id: string;
  version: number;
  title: string;
  plannedDay: string;
  priority: number;
  windowStart: Date | null;
  section: string | null;
  state: BudgetLine["state"];
  /** When its story is scheduled to go live (it moves with the line), else null. */
  storyScheduledFor: Date | null;
  /** Whether this person may move it (editors; a writer their own idea). */
  movable: boolean;
}

interface CalendarRow {
  id: string;
  version: number;
  title: string;
  plannedDay: Date | null;
  priority: number;
  windowStart: Date | null;
  status: BudgetStatus;
  createdById: string;
  section: string | null;
  articleStatus: ArticleStatus | null;
  storyScheduledFor: Date | null;
}

export interface CalendarStory {
  id: string;
  version: number;
  headline: string;
  kind: "scheduled" | "published";
  at: Date;
  /** Its day on the newsroom's calendar. */
  day: string;
  /** A scheduled story this person may reschedule (publishers). */
  movable: boolean;
}

/** The most entries one calendar shows of each kind. */
export const CALENDAR_LIMIT = 2000;

export async function budgetCalendar(
  db: DbOrTx,
  actor: SessionUser,
  range: { from: string; to: string },
  timeZone: string,
): Promise<{ lines: CalendarLine[]; stories: CalendarStory[] }> {
  const start = dayStart(range.from, timeZone);
  const end = dayStart(addDays(range.to, 1), timeZone);
  const planner = can(actor.role, "budget.plan");
  const publisher = can(actor.role, "article.publish");
  const [rows, scheduled, published] = await Promise.all([
    // One plain query (the calendar is the budget's widest view: a thousand lines and more).
    db.$queryRaw<CalendarRow[]>`
      SELECT b.id, b.version, b.title, b."plannedDay", b.priority, b."windowStart", b.status,
        b."createdById", s.name AS section, a.status AS "articleStatus",
        CASE WHEN a.status = 'SCHEDULED' THEN a."scheduledFor" END AS "storyScheduledFor"
      FROM "BudgetItem" b
        LEFT JOIN "Section" s ON s.id = b."sectionId"
        LEFT JOIN "Article" a ON a.id = b."articleId"
      WHERE b."plannedDay" BETWEEN ${dayDate(range.from)}::date AND ${dayDate(range.to)}::date
        AND ${planner ? Prisma.sql`TRUE` : Prisma.sql`(b."createdById" = ${actor.id}::uuid OR EXISTS (SELECT 1 FROM "BudgetAssignment" ba WHERE ba."itemId" = b.id AND ba."userId" = ${actor.id}::uuid))`}
      ORDER BY b."plannedDay", b.priority, b."windowStart" NULLS LAST, b.id
      LIMIT ${CALENDAR_LIMIT}`,
    // Stories without a line of their own (a line stands for its story on the calendar).
    db.article.findMany({
      where: {
        AND: [visibleTo(actor), { status: "SCHEDULED", scheduledFor: { gte: start, lt: end }, budgetItem: null }],
      },
      select: { id: true, version: true, headline: true, scheduledFor: true },
      orderBy: { scheduledFor: "asc" },
      take: CALENDAR_LIMIT,
    }),
    db.article.findMany({
      where: {
        AND: [visibleTo(actor), { status: "PUBLISHED", publishedAt: { gte: start, lt: end }, budgetItem: null }],
      },
      select: { id: true, version: true, headline: true, publishedAt: true },
      orderBy: { publishedAt: "asc" },
      take: CALENDAR_LIMIT,
    }),
  ]);
  const lines = rows.map((row) => {
    const state = budgetState(row.status, row.articleStatus);
    return {
      id: row.id,
      version: row.version,
      title: row.title,
      plannedDay: row.plannedDay?.toISOString().slice(0, 10) ?? range.from,
      priority: row.priority,
      windowStart: row.windowStart,
      section: row.section,
      state,
      storyScheduledFor: row.storyScheduledFor,
      movable:
        budgetRefusal(
          "edit",
          { state, hasStory: row.articleStatus !== null },
          { role: actor.role, isCreator: row.createdById === actor.id, isReporter: false },
        ) === null &&
        (row.storyScheduledFor === null || publisher),
    };
  });
  const story =
    (kind: CalendarStory["kind"]) =>
    (a: { id: string; version: number; headline: string; at: Date }): CalendarStory => ({
      id: a.id,
      version: a.version,
      headline: a.headline,
      kind,
      at: a.at,
      day: toZonedInput(a.at, timeZone).slice(0, 10),
      movable: kind === "scheduled" && publisher,
    });
  const stories = [
    ...scheduled.flatMap((a) => (a.scheduledFor ? [story("scheduled")({ ...a, at: a.scheduledFor })] : [])),
    ...published.flatMap((a) => (a.publishedAt ? [story("published")({ ...a, at: a.publishedAt })] : [])),
  ];
  return { lines, stories };
}
