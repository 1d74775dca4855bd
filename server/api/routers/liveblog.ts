import {
  addLiveEntryInput,
  editLiveEntryInput,
  liveBlogInput,
  liveEntryRefInput,
  pinLiveEntryInput,
} from "@/lib/schemas/liveblog";
import type { PublicChange } from "../../cache/changes";
import * as liveblog from "../../services/liveblog";
import { createTRPCRouter, permissionProcedure, type Context } from "../trpc";

// Live blogs' entries. Who may change them is the story's rule (services/liveblog.ts); a change
// readers see refreshes the live blog's own page and feed only.
const newsroom = permissionProcedure("newsroom.access");

async function refreshed<T extends { publicChange: PublicChange | null }>(ctx: Context, result: T) {
  if (result.publicChange) await ctx.publicCache.changed(result.publicChange);
  return result;
}

export const liveblogRouter = createTRPCRouter({
  entries: newsroom
    .input(liveBlogInput)
    .query(({ ctx, input }) => liveblog.liveEntriesForNewsroom(ctx.db, ctx.user, input.articleId)),

  add: newsroom
    .input(addLiveEntryInput)
    .mutation(
      async ({ ctx, input }) =>
        (await refreshed(ctx, await liveblog.addLiveEntry(ctx.db, ctx.user, input, ctx.clock()))).entry,
    ),

  edit: newsroom
    .input(editLiveEntryInput)
    .mutation(
      async ({ ctx, input }) =>
        (await refreshed(ctx, await liveblog.editLiveEntry(ctx.db, ctx.user, input, ctx.clock()))).entry,
    ),

  delete: newsroom.input(liveEntryRefInput).mutation(async ({ ctx, input }) => {
    await refreshed(ctx, await liveblog.deleteLiveEntry(ctx.db, ctx.user, input, ctx.clock()));
    return { deleted: true };
  }),

  pin: newsroom.input(pinLiveEntryInput).mutation(async ({ ctx, input }) => {
    await refreshed(ctx, await liveblog.pinLiveEntry(ctx.db, ctx.user, input, ctx.clock()));
    return { pinned: input.pinned };
  }),

  endCoverage: newsroom.input(liveBlogInput).mutation(async ({ ctx, input }) => {
    await refreshed(ctx, await liveblog.endCoverage(ctx.db, ctx.user, input.articleId, ctx.clock()));
    return { ended: true };
  }),
});
