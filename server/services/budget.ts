import type { BudgetFields } from "@/lib/schemas/budget";
import { fromZonedInput } from "@/lib/time-zone";
import { can } from "../auth/permissions";
import type { Db, DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { budgetRefusal, budgetState, storedStatusAfter, type BudgetAction, type BudgetState } from "../workflow/budget";
import type { SessionUser } from "./users";
import { sectionRefusal } from "./sections";

// The story budget: planned stories (budget lines), who is on them, and "Start writing",
// which makes a line's story. The status rules are server/workflow/budget.ts.

export const budgetLineSelect = {
  id: true,
  title: true,
  angle: true,
  priority: true,
  plannedDay: true,
  windowStart: true,
  windowEnd: true,
  targetWords: true,
  deadline: true,
  status: true,
  version: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  section: { select: { id: true, name: true } },
  createdBy: { select: { id: true, displayName: true } },
  article: { select: { id: true, status: true, headline: true, scheduledFor: true } },
  assignees: {
    orderBy: [{ role: "asc" }, { position: "asc" }],
    select: { role: true, user: { select: { id: true, displayName: true } } },
  },
} as const satisfies Prisma.BudgetItemSelect;

export type BudgetRow = Prisma.BudgetItemGetPayload<{ select: typeof budgetLineSelect }>;

/** A budget line as the newsroom sees it: where it stands, its day as "YYYY-MM-DD". */
export type BudgetLine = Omit<BudgetRow, "plannedDay"> & { plannedDay: string | null; state: BudgetState };

export const toLine = (row: BudgetRow): BudgetLine => ({
  ...row,
  plannedDay: row.plannedDay ? row.plannedDay.toISOString().slice(0, 10) : null,
  state: budgetState(row.status, row.article?.status ?? null),
});

const plans = (actor: SessionUser) => can(actor.role, "budget.plan");

/** What a person sees of the budget: editors all of it, writers what they proposed or are on. */
export function budgetVisibleTo(actor: SessionUser): Prisma.BudgetItemWhereInput {
  return plans(actor) ? {} : { OR: [{ createdById: actor.id }, { assignees: { some: { userId: actor.id } } }] };
}

export const dayDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The fields as stored: wall-clock days and times turned into instants in the newsroom's zone. */
async function storedFields(db: DbOrTx, fields: BudgetFields, timeZone: string, currentSectionId: string | null) {
  const errors: Record<string, string[]> = {};
  const at = (field: string, value: string | null) => {
    if (value === null) return null;
    const instant = fromZonedInput(value, timeZone);
    if (!instant) errors[field] = ["That time does not exist in the newsroom's time zone"];
    return instant;
  };
  const windowStart = fields.windowStart && fields.plannedDay ? `${fields.plannedDay}T${fields.windowStart}` : null;
  const windowEnd = fields.windowEnd && fields.plannedDay ? `${fields.plannedDay}T${fields.windowEnd}` : null;
  const stored = {
    title: fields.title,
    angle: fields.angle,
    sectionId: fields.sectionId,
    priority: fields.priority,
    plannedDay: fields.plannedDay ? dayDate(fields.plannedDay) : null,
    windowStart: at("windowStart", windowStart),
    windowEnd: at("windowEnd", windowEnd),
    targetWords: fields.targetWords,
    deadline: at("deadline", fields.deadline),
  };
  const sectionProblem = await sectionRefusal(db, fields.sectionId, currentSectionId);
  if (sectionProblem) errors.sectionId = [sectionProblem];
  const people = [...new Set(fields.assignees.map((a) => a.userId))];
  if (people.length > 0) {
    const found = await db.user.count({ where: { id: { in: people }, active: true } });
    if (found !== people.length) errors.assignees = ["Assign people who are in the newsroom"];
  }
  const first = Object.values(errors)[0]?.[0];
  if (first) throw badRequest(first, errors);
  return stored;
}

const assignmentRows = (fields: BudgetFields) =>
  fields.assignees.map((a, position) => ({ userId: a.userId, role: a.role, position }));

const hasReporter = (fields: BudgetFields) => fields.assignees.some((a) => a.role === "REPORTER");

export function refuse(action: BudgetAction, row: BudgetRow, actor: SessionUser): void {
  const state = budgetState(row.status, row.article?.status ?? null);
  const refusal = budgetRefusal(
    action,
    { state, hasStory: row.article !== null },
    {
      role: actor.role,
      isCreator: row.createdById === actor.id,
      isReporter: row.assignees.some((a) => a.role === "REPORTER" && a.user.id === actor.id),
    },
  );
  if (refusal) throw forbidden(refusal);
}

async function loadVisible(db: DbOrTx, actor: SessionUser, id: string): Promise<BudgetRow> {
  const row = await db.budgetItem.findFirst({
    where: { AND: [{ id }, budgetVisibleTo(actor)] },
    select: budgetLineSelect,
  });
  if (!row) throw notFound("That budget line");
  return row;
}

/** Loads a line for a change, locked until the transaction ends, at the version the person saw. */
export async function lockLine(tx: DbOrTx, actor: SessionUser, id: string, version: number): Promise<BudgetRow> {
  await tx.$queryRaw`SELECT id FROM "BudgetItem" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await loadVisible(tx, actor, id);
  if (row.version !== version)
    throw conflict("Someone changed this budget line since you opened it: reload to see their change.");
  return row;
}

export async function getBudgetLine(db: DbOrTx, actor: SessionUser, id: string): Promise<BudgetLine> {
  return toLine(await loadVisible(db, actor, id));
}

/** An editor plans a line (assigned if it has a reporter); a writer proposes an idea. */
export async function createBudgetLine(
  db: Db,
  actor: SessionUser,
  fields: BudgetFields,
  timeZone: string,
): Promise<BudgetLine> {
  if (!plans(actor) && fields.assignees.length > 0) throw forbidden("Only editors assign stories.");
  const stored = await storedFields(db, fields, timeZone, null);
  const row = await db.budgetItem.create({
    data: {
      ...stored,
      status: storedStatusAfter("assign", hasReporter(fields)),
      createdById: actor.id,
      assignedById: fields.assignees.length > 0 ? actor.id : null,
      assignees: { create: assignmentRows(fields) },
    },
    select: budgetLineSelect,
  });
  return toLine(row);
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

const sameAssignees = (row: BudgetRow, fields: BudgetFields) =>
  JSON.stringify(row.assignees.map((a) => [a.user.id, a.role]).sort()) ===
  JSON.stringify(fields.assignees.map((a) => [a.userId, a.role]).sort());

export async function updateBudgetLine(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; fields: BudgetFields },
  timeZone: string,
): Promise<BudgetLine> {
  return db.$transaction(async (tx) => {
    const row = await lockLine(tx, actor, input.id, input.version);
    refuse("edit", row, actor);
    const reassigned = !sameAssignees(row, input.fields);
    if (reassigned) refuse("assign", row, actor);
    const stored = await storedFields(tx, input.fields, timeZone, row.section?.id ?? null);
    if (reassigned) {
      await tx.budgetAssignment.deleteMany({ where: { itemId: row.id } });
      await tx.budgetAssignment.createMany({
        data: assignmentRows(input.fields).map((a) => ({ ...a, itemId: row.id })),
      });
    }
    // Before its story exists, a line with a reporter is assigned, one without an idea.
    const status =
      row.article || row.status === "KILLED" ? row.status : storedStatusAfter("assign", hasReporter(input.fields));
    const updated = await tx.budgetItem.update({
      where: { id: row.id },
      data: {
        ...stored,
        status,
        version: { increment: 1 },
        ...(reassigned ? { assignedById: actor.id } : {}),
        // A new deadline is reminded of afresh.
        ...(sameInstant(row.deadline, stored.deadline) ? {} : { reminderSentAt: null, overdueSentAt: null }),
      },
      select: budgetLineSelect,
    });
    return toLine(updated);
  });
}

/** An editor kills a line whose story has not started, or revives a killed one. */
export async function setBudgetStatus(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; action: "kill" | "revive" },
): Promise<BudgetLine> {
  return db.$transaction(async (tx) => {
    const row = await lockLine(tx, actor, input.id, input.version);
    refuse(input.action, row, actor);
    const status = storedStatusAfter(
      input.action,
      row.assignees.some((a) => a.role === "REPORTER"),
    );
    const updated = await tx.budgetItem.update({
      where: { id: row.id },
      data: { status, version: { increment: 1 } },
      select: budgetLineSelect,
    });
    return toLine(updated);
  });
}

/** The most lines one budget view shows; more and it says so. */
export const BUDGET_VIEW_LIMIT = 1000;

/** The budget for a span of days (a day, a week), in order of day, section, priority and time. */
export async function listBudget(
  db: DbOrTx,
  actor: SessionUser,
  range: { from: string; to: string },
): Promise<{ lines: BudgetLine[]; more: boolean }> {
  const rows = await db.budgetItem.findMany({
    where: { AND: [{ plannedDay: { gte: dayDate(range.from), lte: dayDate(range.to) } }, budgetVisibleTo(actor)] },
    select: budgetLineSelect,
    orderBy: [
      { plannedDay: "asc" },
      { priority: "asc" },
      { windowStart: { sort: "asc", nulls: "last" } },
      { id: "asc" },
    ],
    take: BUDGET_VIEW_LIMIT + 1,
  });
  return { lines: rows.slice(0, BUDGET_VIEW_LIMIT).map(toLine), more: rows.length > BUDGET_VIEW_LIMIT };
}

/** A person's open assignments, soonest deadline first (their desk's "My assignments"). */
export async function myAssignments(db: DbOrTx, actor: SessionUser): Promise<BudgetLine[]> {
  const rows = await db.budgetItem.findMany({
    where: {
      assignees: { some: { userId: actor.id } },
      OR: [{ articleId: null, status: { not: "KILLED" } }, { article: { status: { notIn: ["PUBLISHED", "SPIKED"] } } }],
    },
    select: budgetLineSelect,
    orderBy: [
      { deadline: { sort: "asc", nulls: "last" } },
      { plannedDay: { sort: "asc", nulls: "last" } },
      { id: "asc" },
    ],
    take: 200,
  });
  return rows.map(toLine);
}
