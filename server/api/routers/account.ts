import {
  changePasswordInput,
  completeSetupInput,
  requestResetInput,
  setPasswordWithTokenInput,
  tokenRefInput,
} from "@/lib/schemas/user";
import { mailPreferencesInput } from "@/lib/mail-preferences";
import { DomainError } from "../../errors";
import * as accounts from "../../services/accounts";
import * as tokens from "../../services/account-tokens";
import * as invitations from "../../services/invitations";
import * as resets from "../../services/password-resets";
import { RateLimiter } from "../../services/rate-limit";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

// Reset requests and uses of links, per client address: 10 at once, then one a minute.
const linkLimiter = new RateLimiter(10, 60_000);
function throttle(address: string | null) {
  if (address !== null && linkLimiter.take(address) > 0) {
    throw new DomainError("TOO_MANY_REQUESTS", "Too many attempts from your address. Wait a minute and try again.");
  }
}

/** What everyone may do with their own account, and the single-use links that need no sign-in. */
export const accountRouter = createTRPCRouter({
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => accounts.changeOwnPassword(ctx.db, ctx.user, ctx.sessionId, input)),

  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => accounts.signOutEverywhere(ctx.db, ctx.user.id)),

  mailPreferences: protectedProcedure.query(({ ctx }) => accounts.mailPreferences(ctx.db, ctx.user.id)),

  setMailPreferences: protectedProcedure
    .input(mailPreferencesInput)
    .mutation(({ ctx, input }) => accounts.setMailPreferences(ctx.db, ctx.user.id, input.actions)),

  /** "Forgot password?": the same answer whether or not the address has an account. */
  requestReset: publicProcedure.input(requestResetInput).mutation(async ({ ctx, input }) => {
    throttle(ctx.clientAddress);
    await resets.requestPasswordReset(ctx.db, input.email, ctx.clock());
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(setPasswordWithTokenInput).mutation(({ ctx, input }) => {
    throttle(ctx.clientAddress);
    return resets.resetPassword(ctx.db, input, ctx.clock());
  }),

  invitation: publicProcedure
    .input(tokenRefInput)
    .query(({ ctx, input }) => invitations.describeInvitation(ctx.db, input.token, ctx.clock())),

  acceptInvitation: publicProcedure.input(setPasswordWithTokenInput).mutation(({ ctx, input }) => {
    throttle(ctx.clientAddress);
    return invitations.acceptInvitation(ctx.db, input, ctx.clock());
  }),

  completeSetup: publicProcedure.input(completeSetupInput).mutation(({ ctx, input }) => {
    throttle(ctx.clientAddress);
    return tokens.completeSetup(ctx.db, input, ctx.clock());
  }),
});
