import { renameSectionInput, retireSectionInput, sectionFields, sectionOrderInput } from "@/lib/schemas/sections";
import { WHOLE_SITE } from "../../cache/tags";
import * as sections from "../../services/sections";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Sections, for admins. Every public page shows the section menu (and stories their section's
// name), so a rename, a new order or a retirement refreshes the whole site; a new section has
// no stories yet and changes nothing readers see.
const manage = permissionProcedure("newsroom.manage");

export const sectionRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => sections.sectionsForAdmin(ctx.db)),

  create: manage.input(sectionFields).mutation(({ ctx, input }) => sections.createSection(ctx.db, input)),

  rename: manage.input(renameSectionInput).mutation(async ({ ctx, input }) => {
    const renamed = await sections.renameSection(ctx.db, input.id, { name: input.name });
    await ctx.publicCache.changed(WHOLE_SITE);
    return renamed;
  }),

  reorder: manage.input(sectionOrderInput).mutation(async ({ ctx, input }) => {
    const ordered = await sections.reorderSections(ctx.db, input);
    await ctx.publicCache.changed(WHOLE_SITE);
    return ordered;
  }),

  setRetired: manage.input(retireSectionInput).mutation(async ({ ctx, input }) => {
    const result = await sections.setSectionRetired(ctx.db, input.id, input.retired, ctx.clock());
    await ctx.publicCache.changed(WHOLE_SITE);
    return result;
  }),
});
