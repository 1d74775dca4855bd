import { sharedTextFor } from "../../services/shared-text";
import {
  articleRefInput,
  changeSlugInput,
  createArticleInput,
  pinInput,
  reviewReminderInput,
} from "@/lib/schemas/article";
import { importMarkdownInput, revisionRefInput, updateArticleInput } from "@/lib/schemas/article";
import { compareVersionsInput, decideSuggestionsInput, restoreRevisionInput } from "@/lib/schemas/article";
import { decideSuggestions } from "../../services/suggestions";
import { articleListInput } from "@/lib/schemas/article-list";
import { bulkActionInput } from "@/lib/schemas/article-bulk";
import { bulkChange } from "../../services/article-bulk";
import { listSections } from "../../services/sections";
import { setReviewReminder } from "../../services/review-reminders";
import { listArticles } from "../../services/article-list";
import { can } from "../../auth/permissions";
import { changePublishedSlug, setPinned, updateArticle } from "../../services/article-edit";
import { getNewsroomArticle, getPreview } from "../../services/article-view";
import * as articles from "../../services/articles";
import { editorDashboard, writerDashboard } from "../../services/dashboard";
import * as presence from "../../services/presence";
import * as revisions from "../../services/revisions";
import { createTRPCRouter, permissionProcedure, refreshesPublicSite } from "../trpc";

export const articleRouter = createTRPCRouter({
  create: permissionProcedure("article.create")
    .input(createArticleInput)
    .mutation(({ ctx, input }) => articles.createDraft(ctx.db, ctx.user, input, ctx.clock())),

  importMarkdown: permissionProcedure("article.create")
    .input(importMarkdownInput)
    .mutation(({ ctx, input }) => articles.importMarkdownDraft(ctx.db, ctx.user, input.markdown)),

  heartbeat: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .mutation(({ ctx, input }) => presence.heartbeat(ctx.db, ctx.user, input.id, ctx.clock())),

  /** The article's version now: an open workspace polls it to stay current. */
  pulse: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) => presence.currentVersion(ctx.db, ctx.user, input.id)),

  leave: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .mutation(({ ctx, input }) => presence.leave(ctx.db, ctx.user, input.id)),

  /**
   * The newsroom list (a writer's own articles, or every article for editors) at any size:
   * search, filters, sort, a page at a time.
   */
  list: permissionProcedure("newsroom.access")
    .input(articleListInput)
    .query(({ ctx, input }) => listArticles(ctx.db, ctx.user, input, ctx.timeZone)),

  /**
   * One change (section, a tag added or removed, spike) to many selected articles, for editors;
   * each article is checked as if changed alone, and its outcome reported.
   */
  bulk: permissionProcedure("article.editAll")
    .input(bulkActionInput)
    .mutation(async ({ ctx, input }) => {
      const { outcomes, publicChange } = await bulkChange(ctx.db, ctx.user, input, {
        now: ctx.clock(),
        timeZone: ctx.timeZone,
      });
      if (publicChange) await ctx.publicCache.changed(publicChange);
      return { outcomes };
    }),

  get: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) =>
      getNewsroomArticle(ctx.db, ctx.user, input.id, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  /** The co-edited text (a Yjs update, base64) the workspace starts from; for who may edit. */
  sharedText: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) => sharedTextFor(ctx.db, ctx.user, input.id)),

  /** Accept or reject suggestions in the co-edited text (the timeline records who decided). */
  decideSuggestions: permissionProcedure("article.readOwn")
    .input(decideSuggestionsInput)
    .mutation(({ ctx, input }) =>
      decideSuggestions(
        ctx.db,
        ctx.user,
        { articleId: input.id, decision: input.decision, suggestions: input.suggestions },
        { now: ctx.clock(), timeZone: ctx.timeZone },
      ),
    ),

  /** The working copy as the public page would show it. */
  preview: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) => getPreview(ctx.db, ctx.user, input.id, { now: ctx.clock(), timeZone: ctx.timeZone })),

  update: permissionProcedure("newsroom.access")
    .input(updateArticleInput)
    .mutation(async ({ ctx, input }) => {
      const { version, publicChange } = await updateArticle(ctx.db, ctx.user, input, {
        now: ctx.clock(),
        timeZone: ctx.timeZone,
      });
      if (publicChange) await ctx.publicCache.changed(publicChange);
      return { version };
    }),

  /** A published article's new address; every old one answers 301. */
  changeSlug: permissionProcedure("newsroom.access")
    .input(changeSlugInput)
    // The old address must answer 301 everywhere at once.
    .use(refreshesPublicSite("takedown"))
    .mutation(async ({ ctx, input }) => {
      const { version, slug } = await changePublishedSlug(ctx.db, ctx.user, input, {
        now: ctx.clock(),
        timeZone: ctx.timeZone,
      });
      return { version, slug };
    }),

  /** The home page's lead story. */
  pin: permissionProcedure("article.publish")
    .input(pinInput)
    .use(refreshesPublicSite("update"))
    .mutation(({ ctx, input }) => setPinned(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone })),

  /** "Review after N days" on a published story: its authors and this editor are reminded then. */
  setReview: permissionProcedure("article.review")
    .input(reviewReminderInput)
    .mutation(({ ctx, input }) =>
      setReviewReminder(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),

  /** The writer's own work, or the editors' desk. */
  dashboard: permissionProcedure("newsroom.access").query(({ ctx }) =>
    can(ctx.user.role, "article.review") ? editorDashboard(ctx.db) : writerDashboard(ctx.db, ctx.user),
  ),

  /** Every section in order, retired ones flagged (offered only to stories already in them). */
  sections: permissionProcedure("newsroom.access").query(({ ctx }) => listSections(ctx.db)),

  possibleAuthors: permissionProcedure("newsroom.access").query(({ ctx }) => articles.listPossibleAuthors(ctx.db)),

  tagNames: permissionProcedure("newsroom.access").query(({ ctx }) => articles.listTagNames(ctx.db)),

  revisions: permissionProcedure("article.readOwn")
    .input(articleRefInput)
    .query(({ ctx, input }) => revisions.listRevisions(ctx.db, ctx.user, input.id)),

  revision: permissionProcedure("article.readOwn")
    .input(revisionRefInput)
    .query(({ ctx, input }) => revisions.getRevision(ctx.db, ctx.user, input.id, input.revisionId)),

  /** Two versions (or a version and the working copy) compared, words marked. */
  compare: permissionProcedure("article.readOwn")
    .input(compareVersionsInput)
    .query(({ ctx, input }) => revisions.compareVersions(ctx.db, ctx.user, input)),

  /** The version this editor approved, when the story has changed since. */
  approvedVersion: permissionProcedure("article.review")
    .input(articleRefInput)
    .query(({ ctx, input }) => revisions.approvedVersion(ctx.db, ctx.user, input.id)),

  /** A recorded version made the working copy again, as a new save. */
  restore: permissionProcedure("newsroom.access")
    .input(restoreRevisionInput)
    .mutation(({ ctx, input }) =>
      revisions.restoreRevision(ctx.db, ctx.user, input, { now: ctx.clock(), timeZone: ctx.timeZone }),
    ),
});
