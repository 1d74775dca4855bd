import { invitationRefInput, inviteInput } from "@/lib/schemas/user";
import * as tokens from "../../services/invitations";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const admin = permissionProcedure("user.manage");

/** Admins invite people; the invitee sets their own password through the link. */
export const invitationRouter = createTRPCRouter({
  list: admin.query(({ ctx }) => tokens.listInvitations(ctx.db, ctx.clock())),
  create: admin.input(inviteInput).mutation(({ ctx, input }) => tokens.invite(ctx.db, ctx.user, input, ctx.clock())),
  resend: admin
    .input(invitationRefInput)
    .mutation(({ ctx, input }) => tokens.resendInvitation(ctx.db, ctx.user, input.id, ctx.clock())),
  revoke: admin
    .input(invitationRefInput)
    .mutation(({ ctx, input }) => tokens.revokeInvitation(ctx.db, input.id, ctx.clock())),
});
