import { changeRoleInput, createUserInput, updateProfileInput, userRefInput } from "@/lib/schemas/user";
import * as users from "../../services/users";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../trpc";

const admin = permissionProcedure("user.manage");

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.user),

  /** The user's own author profile. */
  profile: protectedProcedure.query(({ ctx }) => users.getProfile(ctx.db, ctx.user.id)),

  /** Refreshes the public site only when the bio or photo really changed (author pages show them). */
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const { profile, changed } = await users.updateProfile(ctx.db, ctx.user.id, input);
    if (changed) await ctx.publicCache.invalidate();
    return profile;
  }),

  list: admin.query(({ ctx }) => users.listUsers(ctx.db)),

  create: admin.input(createUserInput).mutation(({ ctx, input }) => users.createUser(ctx.db, input)),

  changeRole: admin
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => users.changeRole(ctx.db, input.userId, input.role)),

  deactivate: admin.input(userRefInput).mutation(({ ctx, input }) => users.setActive(ctx.db, input.userId, false)),

  reactivate: admin.input(userRefInput).mutation(({ ctx, input }) => users.setActive(ctx.db, input.userId, true)),
});
