import {
  deleteCommentInput,
  editCommentInput,
  listThreadsInput,
  openThreadInput,
  replyInput,
  resolveThreadInput,
} from "@/lib/schemas/comment";
import * as comments from "../../services/comments";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// Comment threads on an article's text (server/services/comments.ts decides who may do what).
export const commentRouter = createTRPCRouter({
  threads: permissionProcedure("article.readOwn")
    .input(listThreadsInput)
    .query(({ ctx, input }) => comments.listThreads(ctx.db, ctx.user, input.articleId)),

  open: permissionProcedure("article.readOwn")
    .input(openThreadInput)
    .mutation(({ ctx, input }) =>
      comments.openThread(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  reply: permissionProcedure("article.readOwn")
    .input(replyInput)
    .mutation(({ ctx, input }) =>
      comments.replyToThread(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  edit: permissionProcedure("article.readOwn")
    .input(editCommentInput)
    .mutation(({ ctx, input }) =>
      comments.editComment(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  delete: permissionProcedure("article.readOwn")
    .input(deleteCommentInput)
    .mutation(({ ctx, input }) =>
      comments.deleteComment(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  resolve: permissionProcedure("article.readOwn")
    .input(resolveThreadInput)
    .mutation(({ ctx, input }) =>
      comments.setThreadResolved(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),
});
