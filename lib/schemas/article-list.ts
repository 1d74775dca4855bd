import { z } from "zod";
import { STATUS_LABELS, type ArticleStatusName } from "../article-status";
import { daySchema as day } from "./budget";

// The newsroom's article list: search, filters, sort and a page cursor. The same fields are
// the page's address (/newsroom/articles?q=…&status=…), so a view can be shared.

export const ARTICLE_STATUSES = Object.keys(STATUS_LABELS) as ArticleStatusName[];

export const LIST_SORTS = ["updated", "published", "deadline"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_SORT_LABELS: Record<ListSort, string> = {
  updated: "Last change",
  published: "Publication time",
  deadline: "Filing deadline",
};

export const MAX_LIST_PAGE = 100;
export const DEFAULT_LIST_PAGE = 50;

const listFields = z
  .object({
    q: z.string().trim().max(200, "Search for at most 200 characters").default(""),
    status: z
      .array(z.enum(ARTICLE_STATUSES as [ArticleStatusName, ...ArticleStatusName[]]))
      .max(ARTICLE_STATUSES.length)
      .default([]),
    sectionId: z.uuid({ message: "Unknown section" }).nullable().default(null),
    authorId: z.uuid({ message: "Unknown author" }).nullable().default(null),
    assigneeId: z.uuid({ message: "Unknown person" }).nullable().default(null),
    tag: z.string().trim().max(120, "Tags are at most 120 characters").default(""),
    /** Days on the newsroom's calendar, applied to the date the list is sorted by. */
    from: day.nullable().default(null),
    to: day.nullable().default(null),
    sort: z.enum(LIST_SORTS).default("updated"),
    cursor: z.string().max(200, "That page link is broken").nullable().default(null),
    limit: z.number().int().min(1).max(MAX_LIST_PAGE).default(DEFAULT_LIST_PAGE),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "The range ends after it starts", path: ["to"] });
/** Nothing given (or null) is the first page of everything, newest change first. */
export const articleListInput = listFields.nullish().transform((value) => value ?? listFields.parse({}));
export type ArticleListInput = z.infer<typeof listFields>;
export type ArticleListQuery = z.input<typeof listFields>;
