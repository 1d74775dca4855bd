import { tags, WHOLE_SITE } from "../../cache/tags";
import { changeRoleInput, updatePersonInput, updateProfileInput, userRefInput } from "@/lib/schemas/user";
import { adminStartReset } from "../../services/password-resets";
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
    if (changed) {
      const { slug } = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { slug: true } });
      await ctx.publicCache.changed({ tags: [tags.author(slug)], takedown: false });
    }
    return profile;
  }),

  list: admin.query(({ ctx }) => users.listUsers(ctx.db)),

  changeRole: admin
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => users.changeRole(ctx.db, input.userId, input.role)),

  deactivate: admin.input(userRefInput).mutation(({ ctx, input }) => users.setActive(ctx.db, input.userId, false)),

  /** An admin corrects a person's name or email. */
  /** A new name shows in bylines on every page: the whole public site is refreshed. */
  update: admin.input(updatePersonInput).mutation(async ({ ctx, input }) => {
    const before = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { displayName: true } });
    const person = await users.updatePerson(ctx.db, input);
    if (before && before.displayName !== person.displayName) await ctx.publicCache.changed(WHOLE_SITE);
    return person;
  }),

  /** A reset link goes to the person's own email; the admin never sees or types a password. */
  startReset: admin.input(userRefInput).mutation(async ({ ctx, input }) => {
    await adminStartReset(ctx.db, input.userId, ctx.clock());
    return { ok: true as const };
  }),

  reactivate: admin.input(userRefInput).mutation(({ ctx, input }) => users.setActive(ctx.db, input.userId, true)),
});
