import { markReadInput } from "@/lib/schemas/workflow";
import * as notifications from "../../services/notifications";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => notifications.listNotifications(ctx.db, ctx.user.id)),
  unreadCount: protectedProcedure.query(({ ctx }) => notifications.unreadCount(ctx.db, ctx.user.id)),
  markRead: protectedProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => notifications.markRead(ctx.db, ctx.user.id, input, ctx.clock())),
});
