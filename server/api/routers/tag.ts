import { mergeTagsInput, renameTagInput, tagListInput } from "@/lib/schemas/tags";
import * as tags from "../../services/tags";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Tags, for editors: rename and merge. Old addresses answer 301 on every instance when the
// change returns (a takedown of the old pages).
const manage = permissionProcedure("tag.manage");

export const tagRouter = createTRPCRouter({
  list: manage.input(tagListInput).query(({ ctx, input }) => tags.tagsForEditors(ctx.db, input.q)),

  rename: manage.input(renameTagInput).mutation(async ({ ctx, input }) => {
    const { tag, publicChange } = await tags.renameTag(ctx.db, input.id, input.name);
    await ctx.publicCache.changed(publicChange);
    return tag;
  }),

  merge: manage.input(mergeTagsInput).mutation(async ({ ctx, input }) => {
    const { into, moved, publicChange } = await tags.mergeTags(ctx.db, input.fromId, input.intoId);
    await ctx.publicCache.changed(publicChange);
    return { into, moved };
  }),
});
