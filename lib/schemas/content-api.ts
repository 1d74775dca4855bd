import { z } from "zod";
import { canonicalLanguage } from "../language";

// The content API's (/api/v1) requests and answers. The OpenAPI document served at
// /api/v1/openapi.json is generated from these schemas, so they are the documentation too.

export const API_LIST_DEFAULT = 20;
export const API_LIST_MAX = 100;

const slugParam = (
  what: string,
  description = `Only stories with this ${what} (its slug, as in its public address).`,
) =>
  z
    .string()
    .max(200, `A ${what} slug is at most 200 characters`)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `That is not a ${what} slug (lowercase letters, digits and hyphens)`)
    .meta({ description });

const limitParam = z.coerce
  .number({ message: "limit is a whole number" })
  .int("limit is a whole number")
  .min(1, "limit is at least 1")
  .max(API_LIST_MAX, `limit is at most ${API_LIST_MAX}`)
  .default(API_LIST_DEFAULT)
  .meta({ description: `How many to return (1–${API_LIST_MAX}, default ${API_LIST_DEFAULT}).` });

const cursorParam = z
  .string()
  .max(200, "That cursor is not one this API gave")
  .meta({ description: "The `nextCursor` of the previous page." });

export const storyListQuery = z
  .object({
    section: slugParam("section").optional(),
    tag: slugParam(
      "tag",
      "Only stories with this tag (its slug, as in its public address; an earlier one of a renamed or merged tag works too).",
    ).optional(),
    author: slugParam(
      "author",
      "Only stories by this author (their slug, as in their public address; a merged contributor's earlier one works too).",
    ).optional(),
    language: z
      .string()
      .max(35, "That is not a language tag")
      .transform((tag, ctx) => {
        const canonical = canonicalLanguage(tag);
        if (!canonical) {
          ctx.addIssue({ code: "custom", message: `“${tag}” is not a language tag such as en, ar or pt-BR` });
          return z.NEVER;
        }
        return canonical;
      })
      .meta({ description: "Only stories in this language (BCP 47, as `fr` or `pt-BR`)." })
      .optional(),
    updatedSince: z.iso
      .datetime({ offset: true, message: "updatedSince is a date and time such as 2026-12-01T09:00:00Z" })
      .meta({ description: "Only stories published or updated at or after this time (RFC 3339)." })
      .optional(),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .strict();
export type StoryListQuery = z.infer<typeof storyListQuery>;

export const nameListQuery = z.object({ limit: limitParam, cursor: cursorParam.optional() }).strict();
export type NameListQuery = z.infer<typeof nameListQuery>;

const link = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.url().meta({ description: "Its public page." }),
});

export const apiAuthor = link.extend({
  kind: z.enum(["STAFF", "PERSON", "AGENCY"]).meta({ description: "A newsroom account, a contributor or an agency." }),
});

export const apiImage = z.object({
  url: z.url(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  crops: z
    .object({ "16x9": z.url(), "4x3": z.url(), "1x1": z.url() })
    .meta({ description: "JPEG crops 1200 pixels wide around the image's focal point." }),
});

export const apiStorySummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  url: z.url().meta({ description: "The story's public page." }),
  headline: z.string(),
  standfirst: z.string(),
  language: z.string().meta({ description: "BCP 47." }),
  section: link.nullable(),
  authors: z.array(apiAuthor),
  tags: z.array(link),
  publishedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().meta({ description: "The last published update or correction; else publishedAt." }),
  image: apiImage.nullable(),
  ninjs: z.url().meta({ description: "The story in IPTC ninjs 3.1." }),
});

export const apiStory = apiStorySummary.extend({
  bodyHtml: z.string().meta({ description: "The body as on the page: clean HTML with absolute addresses." }),
  bodyText: z.string(),
  corrections: z.array(z.object({ text: z.string(), at: z.iso.datetime() })),
});

export const apiStoryList = z.object({
  stories: z.array(apiStorySummary),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
});

export const apiSectionList = z.object({ sections: z.array(link) });
export const apiAuthorList = z.object({ authors: z.array(apiAuthor), nextCursor: z.string().nullable() });
export const apiTagList = z.object({ tags: z.array(link), nextCursor: z.string().nullable() });

export const apiError = z.object({
  error: z.object({
    status: z.int(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export type ApiStorySummary = z.infer<typeof apiStorySummary>;
export type ApiStory = z.infer<typeof apiStory>;
export type ApiAuthor = z.infer<typeof apiAuthor>;
export type ApiLink = z.infer<typeof link>;
