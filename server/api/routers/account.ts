import { changePasswordInput } from "@/lib/schemas/user";
import * as accounts from "../../services/accounts";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** What everyone may do with their own account. */
export const accountRouter = createTRPCRouter({
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => accounts.changeOwnPassword(ctx.db, ctx.user, ctx.sessionId, input)),

  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => accounts.signOutEverywhere(ctx.db, ctx.user.id)),
});
