import { listOutbox, mailEnabled } from "../../mail/outbox";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const mailRouter = createTRPCRouter({
  /** Every message Masthead sent or would have sent, newest first (admins). */
  outbox: permissionProcedure("user.manage").query(async ({ ctx }) => ({
    enabled: mailEnabled(),
    messages: await listOutbox(ctx.db),
  })),
});
