import {
  articleRefInput,
  createArticleInput,
  listPublishedInput,
  publishedSlugInput,
} from "@/lib/schemas/article";
import * as articles from "../../services/articles";
import { createTRPCRouter, permissionProcedure, publicProcedure } from "../trpc";

export const articleRouter = createTRPCRouter({
  create: permissionProcedure("article.create")
    .input(createArticleInput)
    .mutation(({ ctx, input }) => articles.createDraft(ctx.db, ctx.user, input)),

  /** The newsroom list: a writer's own articles, or every article for editors. */
  list: permissionProcedure("newsroom.access").query(({ ctx }) => articles.listForNewsroom(ctx.db, ctx.user)),

  get: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) => articles.getForNewsroom(ctx.db, ctx.user, input.id)),

  listPublished: publicProcedure
    .input(listPublishedInput)
    .query(({ ctx, input }) => articles.listPublished(ctx.db, input.limit)),

  getPublished: publicProcedure
    .input(publishedSlugInput)
    .query(({ ctx, input }) => articles.getPublishedBySlug(ctx.db, input.slug)),
});
