import {
  correctionInput,
  embargoInput,
  holdForCommentsInput,
  legalReviewInput,
  legalSignOffInput,
  notedStepInput,
  requestChangesInput,
  scheduleInput,
  spikeInput,
  unpublishInput,
  workflowStepInput,
} from "@/lib/schemas/workflow";
import { fromZonedInput } from "@/lib/time-zone";
import { badRequest } from "../../errors";
import * as editorial from "../../services/editorial";
import { setHoldForComments } from "../../services/suggestions";
import { transition } from "../../services/workflow";
import type { Action } from "../../workflow/machine";
import { permissionProcedure, createTRPCRouter, refreshesPublicSite, type Context } from "../trpc";

// Each step is its own procedure; the service decides, under a row lock, whether this user
// may take it now. Writers reach these procedures, and the state machine refuses what is not theirs.
// Steps among stories readers cannot see (submit, approve, schedule, legal review…) leave the
// public site's cache alone; `visibleStep` refreshes it after steps that change what readers see.
const step = permissionProcedure("newsroom.access");
const visibleStep = step.use(refreshesPublicSite("update"));
/** Steps after which a story must be gone from every instance at once. */
const takedownStep = step.use(refreshesPublicSite("takedown"));

const env = (ctx: Context) => ({ now: ctx.clock(), timeZone: ctx.timeZone });

function zoned(value: string, zone: string, field: string): Date {
  const at = fromZonedInput(value, zone);
  if (!at)
    throw badRequest("That date and time does not exist in the newsroom's time zone.", {
      [field]: ["Choose a valid date and time"],
    });
  return at;
}

function simple(action: Action, readersSee: boolean) {
  return (readersSee ? visibleStep : step)
    .input(workflowStepInput)
    .mutation(({ ctx, input }) =>
      transition(ctx.db, ctx.user, { articleId: input.id, action, version: input.version }, env(ctx)),
    );
}

/** A step that may carry an optional note (kept on the timeline, sent with the notification). */
function noted(action: Action, readersSee: boolean) {
  return (readersSee ? visibleStep : step)
    .input(notedStepInput)
    .mutation(({ ctx, input }) =>
      transition(
        ctx.db,
        ctx.user,
        { articleId: input.id, action, version: input.version, note: input.note || undefined },
        env(ctx),
      ),
    );
}

/** Scheduling, and moving a scheduled story to another time (readers see neither yet). */
function timed(action: "schedule" | "reschedule") {
  return step.input(scheduleInput).mutation(({ ctx, input }) =>
    transition(
      ctx.db,
      ctx.user,
      {
        articleId: input.id,
        action,
        version: input.version,
        scheduledFor: zoned(input.scheduledFor, ctx.timeZone, "scheduledFor"),
      },
      env(ctx),
    ),
  );
}

export const workflowRouter = createTRPCRouter({
  submit: noted("submit", false),
  withdraw: simple("withdraw", false),
  approve: noted("approve", false),
  publish: noted("publish", true),
  publishUpdate: noted("publishUpdate", true),
  unschedule: simple("unschedule", false),
  republish: simple("republish", true),
  // A restored story is a draft again; a once-published one's address answers differently.
  restore: simple("restore", true),

  requestChanges: step
    .input(requestChangesInput)
    .mutation(({ ctx, input }) =>
      transition(
        ctx.db,
        ctx.user,
        { articleId: input.id, action: "requestChanges", version: input.version, note: input.note },
        env(ctx),
      ),
    ),

  unpublish: takedownStep
    .input(unpublishInput)
    .mutation(({ ctx, input }) =>
      transition(
        ctx.db,
        ctx.user,
        { articleId: input.id, action: "unpublish", version: input.version, note: input.note },
        env(ctx),
      ),
    ),

  spike: takedownStep
    .input(spikeInput)
    .mutation(({ ctx, input }) =>
      transition(
        ctx.db,
        ctx.user,
        { articleId: input.id, action: "spike", version: input.version, note: input.note },
        env(ctx),
      ),
    ),

  schedule: timed("schedule"),
  reschedule: timed("reschedule"),

  setLegalReview: step
    .input(legalReviewInput)
    .mutation(({ ctx, input }) =>
      editorial.setLegalReview(ctx.db, ctx.user, { articleId: input.id, ...input }, env(ctx)),
    ),

  setHoldForComments: step
    .input(holdForCommentsInput)
    .mutation(({ ctx, input }) => setHoldForComments(ctx.db, ctx.user, { articleId: input.id, ...input }, env(ctx))),

  signOffLegal: step
    .input(legalSignOffInput)
    .mutation(({ ctx, input }) =>
      editorial.signOffLegal(ctx.db, ctx.user, { articleId: input.id, ...input }, env(ctx)),
    ),

  setEmbargo: step.input(embargoInput).mutation(({ ctx, input }) =>
    editorial.setEmbargo(
      ctx.db,
      ctx.user,
      {
        articleId: input.id,
        version: input.version,
        until: input.until === null ? null : zoned(input.until, ctx.timeZone, "until"),
      },
      env(ctx),
    ),
  ),

  addCorrection: visibleStep
    .input(correctionInput)
    .mutation(({ ctx, input }) =>
      editorial.addCorrection(ctx.db, ctx.user, { articleId: input.id, ...input }, env(ctx)),
    ),
});
