import {
  siteFeedInput,
  siteLatestInput,
  siteListInput,
  siteSearchInput,
  siteSitemapPartInput,
  siteSlugInput,
} from "@/lib/schemas/site";
import { feedFor } from "../../services/public-feeds";
import {
  hasNewsSitemap,
  newsSitemapEntries,
  sitemapIndexEntries,
  sitemapPartEntries,
} from "../../services/public-sitemaps";
import * as site from "../../services/public-articles";
import { publicLiveBlog } from "../../services/liveblog";
import { searchPublished, throttleSearch } from "../../services/public-search";
import { tagMovedTo } from "../../services/tags";
import { authorMovedTo } from "../../services/contributors";
import { createTRPCRouter, publicProcedure } from "../trpc";

// The public site's reads, for anyone. Each returns only what is live (published, live
// revision); a page past the end or an unknown section, author or tag is null, never an error.
export const siteRouter = createTRPCRouter({
  home: publicProcedure.query(({ ctx }) => site.homePage(ctx.db)),

  /** Sections for the navigation: those with a live story. */
  sections: publicProcedure.query(({ ctx }) => site.navSections(ctx.db)),

  latest: publicProcedure.input(siteLatestInput).query(({ ctx, input }) => site.listPublished(ctx.db, {}, input.page)),

  /** What /articles/<slug> is: live, moved (301), gone (410) or missing (404). */
  /** A live blog's page comes with its entries. */
  article: publicProcedure.input(siteSlugInput).query(async ({ ctx, input }) => {
    const found = await site.lookupArticle(ctx.db, input.slug);
    if (found.kind !== "live") return found;
    return { ...found, live: found.article.kind === "LIVE" ? await publicLiveBlog(ctx.db, found.article.id) : null };
  }),

  list: publicProcedure
    .input(siteListInput)
    .query(({ ctx, input }) => site.listingFor(ctx.db, input.kind, input.slug, input.page)),

  /** Where an old tag address (a renamed or merged tag) leads now, or null. */
  tagMovedTo: publicProcedure.input(siteSlugInput).query(({ ctx, input }) => tagMovedTo(ctx.db, input.slug)),

  /** Where a merged contributor's author page leads now, or null. */
  authorMovedTo: publicProcedure.input(siteSlugInput).query(({ ctx, input }) => authorMovedTo(ctx.db, input.slug)),

  /** Reads the database every time, so it is limited per client address. */
  search: publicProcedure.input(siteSearchInput).query(({ ctx, input }) => {
    throttleSearch(ctx.clientAddress);
    return searchPublished(ctx.db, input.q, input.page);
  }),

  feed: publicProcedure.input(siteFeedInput).query(({ ctx, input }) => feedFor(ctx.db, input.scope)),

  /** The child sitemaps /sitemap.xml lists. */
  sitemapIndex: publicProcedure.query(({ ctx }) => sitemapIndexEntries(ctx.db)),

  /** One child sitemap's addresses, or null (404). */
  sitemapPart: publicProcedure
    .input(siteSitemapPartInput)
    .query(({ ctx, input }) => sitemapPartEntries(ctx.db, input.part)),

  newsSitemap: publicProcedure.query(({ ctx }) => newsSitemapEntries(ctx.db, ctx.clock())),

  hasNewsSitemap: publicProcedure.query(({ ctx }) => hasNewsSitemap(ctx.db, ctx.clock())),
});
