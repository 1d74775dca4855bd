import { z } from "zod";
import { slugParamSchema } from "./article";

/** Inputs of the public site's read procedures (anyone may call them). */
export const MAX_PAGE = 10_000;
export const pageSchema = z
  .number()
  .int("Pages are whole numbers")
  .min(1, "Pages start at 1")
  .max(MAX_PAGE, "No such page")
  .default(1);
export const MAX_SEARCH_LENGTH = 200;

export const siteSlugInput = z.object({ slug: slugParamSchema });
export const siteListInput = z.object({
  kind: z.enum(["section", "author", "tag"], { message: "Lists are by section, author or tag" }),
  slug: slugParamSchema,
  page: pageSchema,
});
export const siteLatestInput = z.object({ page: pageSchema });
export const siteSearchInput = z.object({
  q: z.string().max(MAX_SEARCH_LENGTH, `Searches are at most ${MAX_SEARCH_LENGTH} characters`),
  page: pageSchema,
});
export const siteFeedInput = z.object({
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("site") }),
    z.object({ kind: z.literal("section"), slug: slugParamSchema }),
    z.object({ kind: z.literal("author"), slug: slugParamSchema }),
  ]),
});

/** A page number from an address ("2"); null for anything that is not one. */
export function parsePageParam(value: string | undefined): number | null {
  if (value === undefined) return 1;
  if (!/^[1-9][0-9]{0,4}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

const sitemapPartNumber = z
  .number()
  .int("Parts are whole numbers")
  .min(1, "Parts start at 1")
  .max(99_999, "No such part");
/** One child sitemap (lib/syndication/sitemaps.ts's SitemapPart). */
export const siteSitemapPartInput = z.object({
  part: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("stories"),
      month: z.string().regex(/^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/, "Months are written YYYY-MM"),
      part: sitemapPartNumber,
    }),
    z.object({ kind: z.literal("pages") }),
    z.object({ kind: z.literal("authors"), part: sitemapPartNumber }),
    z.object({ kind: z.literal("tags"), part: sitemapPartNumber }),
  ]),
});
