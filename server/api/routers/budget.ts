import {
  budgetItemRef,
  budgetRangeInput,
  budgetStatusInput,
  budgetStepInput,
  createBudgetItemInput,
  moveBudgetItemInput,
  updateBudgetItemInput,
} from "@/lib/schemas/budget";
import * as budget from "../../services/budget";
import { startWriting } from "../../services/budget-start";
import { budgetCalendar, moveBudgetLine } from "../../services/budget-calendar";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// The story budget. Everyone in the newsroom reaches these; what each may do to a line is
// decided per line (server/workflow/budget.ts), and writers see only their own lines.
export const budgetRouter = createTRPCRouter({
  /** An editor plans a line; a writer proposes an idea (no assignments). */
  create: permissionProcedure("newsroom.access")
    .input(createBudgetItemInput)
    .mutation(({ ctx, input }) => budget.createBudgetLine(ctx.db, ctx.user, input, ctx.timeZone)),

  update: permissionProcedure("newsroom.access")
    .input(updateBudgetItemInput)
    .mutation(({ ctx, input }) => budget.updateBudgetLine(ctx.db, ctx.user, input, ctx.timeZone)),

  /** Kill a line whose story has not started, or revive a killed one (editors). */
  setStatus: permissionProcedure("budget.plan")
    .input(budgetStatusInput)
    .mutation(({ ctx, input }) => budget.setBudgetStatus(ctx.db, ctx.user, input)),

  /** The line's story, as a draft linked to it. */
  startWriting: permissionProcedure("newsroom.access")
    .input(budgetStepInput)
    .mutation(({ ctx, input }) => startWriting(ctx.db, ctx.user, input, ctx.clock())),

  get: permissionProcedure("newsroom.access")
    .input(budgetItemRef)
    .query(({ ctx, input }) => budget.getBudgetLine(ctx.db, ctx.user, input.id)),

  /** The budget for a day or a week. */
  list: permissionProcedure("newsroom.access")
    .input(budgetRangeInput)
    .query(({ ctx, input }) => budget.listBudget(ctx.db, ctx.user, input)),

  /** Move a line to another day (the calendar); its window keeps its time of day. */
  move: permissionProcedure("newsroom.access")
    .input(moveBudgetItemInput)
    .mutation(({ ctx, input }) =>
      moveBudgetLine(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  /** A month or a week: lines on their days, and the stories scheduled or published then. */
  calendar: permissionProcedure("newsroom.access")
    .input(budgetRangeInput)
    .query(({ ctx, input }) => budgetCalendar(ctx.db, ctx.user, input, ctx.timeZone)),

  mine: permissionProcedure("newsroom.access").query(({ ctx }) => budget.myAssignments(ctx.db, ctx.user)),
});
