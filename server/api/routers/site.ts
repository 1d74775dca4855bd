import { siteFeedInput, siteLatestInput, siteListInput, siteSearchInput, siteSlugInput } from "@/lib/schemas/site";
import type { Prisma } from "../../db/generated/client";
import { feedFor, newsSitemapEntries, sitemapEntries } from "../../services/public-feeds";
import * as site from "../../services/public-articles";
import { searchPublished } from "../../services/public-search";
import { createTRPCRouter, publicProcedure } from "../trpc";

// The public site's reads, for anyone. Each returns only what is live (published, live
// revision); a page past the end or an unknown section, author or tag is null, never an error.
export const siteRouter = createTRPCRouter({
  home: publicProcedure.query(({ ctx }) => site.homePage(ctx.db)),

  /** Sections for the navigation: those with a live story. */
  sections: publicProcedure.query(({ ctx }) => site.navSections(ctx.db)),

  latest: publicProcedure.input(siteLatestInput).query(({ ctx, input }) => site.listPublished(ctx.db, {}, input.page)),

  /** What /articles/<slug> is: live, moved (301), gone (410) or missing (404). */
  article: publicProcedure.input(siteSlugInput).query(({ ctx, input }) => site.lookupArticle(ctx.db, input.slug)),

  list: publicProcedure.input(siteListInput).query(async ({ ctx, input }) => {
    let owner: { name: string; slug: string; bio?: string; photoUrl?: string | null } | null = null;
    let where: Prisma.ArticleWhereInput = {};
    if (input.kind === "section") {
      const section = await site.sectionBySlug(ctx.db, input.slug);
      if (section) [owner, where] = [section, { sectionId: section.id }];
    } else if (input.kind === "author") {
      const author = await site.authorBySlug(ctx.db, input.slug);
      if (author) [owner, where] = [{ name: author.displayName, slug: author.slug, bio: author.bio, photoUrl: author.photoUrl }, { authors: { some: { userId: author.id } } }];
    } else {
      const tag = await site.tagBySlug(ctx.db, input.slug);
      if (tag) [owner, where] = [tag, { tags: { some: { tagId: tag.id } } }];
    }
    if (!owner) return null;
    const page = await site.listPublished(ctx.db, where, input.page);
    return page && { owner, ...page };
  }),

  search: publicProcedure.input(siteSearchInput).query(({ ctx, input }) => searchPublished(ctx.db, input.q, input.page)),

  feed: publicProcedure.input(siteFeedInput).query(({ ctx, input }) => feedFor(ctx.db, input.scope)),

  sitemap: publicProcedure.query(({ ctx }) => sitemapEntries(ctx.db)),

  newsSitemap: publicProcedure.query(({ ctx }) => newsSitemapEntries(ctx.db, ctx.clock())),
});
