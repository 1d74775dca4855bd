import { describeMediaInput, listMediaInput } from "@/lib/schemas/media";
import * as media from "../../services/media";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Uploads arrive as multipart at /api/media (app/api/media/route.ts); these read and describe.
export const mediaRouter = createTRPCRouter({
  list: permissionProcedure("newsroom.access")
    .input(listMediaInput)
    .query(({ ctx, input }) => media.listMedia(ctx.db, ctx.user, input.query, input.limit)),
  describe: permissionProcedure("newsroom.access")
    .input(describeMediaInput)
    .mutation(async ({ ctx, input }) => {
      const { item, publicChange } = await media.describeMedia(ctx.db, ctx.user, input);
      if (publicChange) await ctx.publicCache.changed(publicChange);
      return item;
    }),
});
