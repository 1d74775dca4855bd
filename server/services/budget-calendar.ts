import { addDays } from "@/lib/budget";
import { formatTimeInZone, fromZonedInput, startOfDayIn, toZonedInput } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { Db, DbOrTx } from "../db/client";
import { Prisma, type ArticleStatus, type BudgetStatus } from "../db/generated/client";
import { badRequest } from "../errors";
import { budgetRefusal, budgetState } from "../workflow/budget";
import { visibleTo } from "./articles";
import { budgetLineSelect, dayDate, lockLine, refuse, toLine, type BudgetLine } from "./budget";
import type { SessionUser } from "./users";

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

/** Moves a line to another day; its window keeps its time of day. Who may change it may move it. */
export async function moveBudgetLine(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; plannedDay: string },
  timeZone: string,
): Promise<BudgetLine> {
  return db.$transaction(async (tx) => {
    const row = await lockLine(tx, actor, input.id, input.version);
    refuse("edit", row, actor);
    const windowStart = sameTimeOn(row.windowStart, input.plannedDay, timeZone);
    const windowEnd = sameTimeOn(row.windowEnd, input.plannedDay, timeZone);
    if ((row.windowStart && !windowStart) || (row.windowEnd && !windowEnd))
      throw badRequest("The time window does not exist on that day (the clocks change): choose another day.");
    const updated = await tx.budgetItem.update({
      where: { id: row.id },
      data: { plannedDay: dayDate(input.plannedDay), windowStart, windowEnd, version: { increment: 1 } },
      select: budgetLineSelect,
    });
    return toLine(updated);
  });
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
}

export interface CalendarStory {
  id: string;
  headline: string;
  kind: "scheduled" | "published";
  at: Date;
  /** Its day on the newsroom's calendar. */
  day: string;
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
  const [rows, scheduled, published] = await Promise.all([
    // One plain query (the calendar is the budget's widest view: a thousand lines and more).
    db.$queryRaw<CalendarRow[]>`
      SELECT b.id, b.version, b.title, b."plannedDay", b.priority, b."windowStart", b.status,
        b."createdById", s.name AS section, a.status AS "articleStatus"
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
      select: { id: true, headline: true, scheduledFor: true },
      orderBy: { scheduledFor: "asc" },
      take: CALENDAR_LIMIT,
    }),
    db.article.findMany({
      where: {
        AND: [visibleTo(actor), { status: "PUBLISHED", publishedAt: { gte: start, lt: end }, budgetItem: null }],
      },
      select: { id: true, headline: true, publishedAt: true },
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
      movable:
        budgetRefusal(
          "edit",
          { state, hasStory: row.articleStatus !== null },
          { role: actor.role, isCreator: row.createdById === actor.id, isReporter: false },
        ) === null,
    };
  });
  const story = (kind: CalendarStory["kind"]) => (a: { id: string; headline: string; at: Date }) => ({
    id: a.id,
    headline: a.headline,
    kind,
    at: a.at,
    day: toZonedInput(a.at, timeZone).slice(0, 10),
  });
  const stories = [
    ...scheduled.flatMap((a) => (a.scheduledFor ? [story("scheduled")({ ...a, at: a.scheduledFor })] : [])),
    ...published.flatMap((a) => (a.publishedAt ? [story("published")({ ...a, at: a.publishedAt })] : [])),
  ];
  return { lines, stories };
}
