import {
  contributorFields,
  contributorIdInput,
  mergeContributorsInput,
  updateContributorInput,
} from "@/lib/schemas/contributor";
import * as contributors from "../../services/contributors";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Contributors and agency credits (bylines without an account): everyone in the newsroom may
// put them on a byline; editors and admins add, change, merge and delete them.
const manage = permissionProcedure("contributor.manage");

export const contributorRouter = createTRPCRouter({
  list: permissionProcedure("newsroom.access").query(({ ctx }) => contributors.listContributors(ctx.db)),

  create: manage.input(contributorFields).mutation(({ ctx, input }) => contributors.createContributor(ctx.db, input)),

  update: manage.input(updateContributorInput).mutation(async ({ ctx, input }) => {
    const { contributor, publicChange } = await contributors.updateContributor(ctx.db, input);
    if (publicChange) await ctx.publicCache.changed(publicChange);
    return contributor;
  }),

  /** Only one no story credits; a credited one is merged instead. */
  delete: manage
    .input(contributorIdInput)
    .mutation(({ ctx, input }) => contributors.deleteContributor(ctx.db, input.id)),

  merge: manage.input(mergeContributorsInput).mutation(async ({ ctx, input }) => {
    const { into, moved, publicChange } = await contributors.mergeContributors(ctx.db, input.fromId, input.intoId);
    await ctx.publicCache.changed(publicChange);
    return { into, moved };
  }),
});
