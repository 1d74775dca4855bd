import { newsroomSettingsInput } from "@/lib/schemas/newsroom-settings";
import { newsroomSettings, updateNewsroomSettings } from "../../services/newsroom-settings";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The newsroom's settings: everyone in the newsroom reads them, admins change them. */
export const settingsRouter = createTRPCRouter({
  get: permissionProcedure("newsroom.access").query(({ ctx }) => newsroomSettings(ctx.db)),

  update: permissionProcedure("newsroom.manage")
    .input(newsroomSettingsInput)
    .mutation(({ ctx, input }) => updateNewsroomSettings(ctx.db, ctx.user, input)),
});
