import { z } from "zod";
import { canonicalLanguage, MAX_LANGUAGE_LENGTH } from "../language";
import { SUGGESTION_ID } from "../content/marks/suggestion";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../slug";

export const MAX_HEADLINE_LENGTH = 200;

export const headlineSchema = z
  .string({ message: "Headline is required" })
  .trim()
  .min(1, "Headline is required")
  .max(MAX_HEADLINE_LENGTH, `Headline must be at most ${MAX_HEADLINE_LENGTH} characters`);

export const articleIdSchema = z.uuid({ message: "Not a valid article id" });

export const slugParamSchema = z
  .string()
  .max(120, "Slug is too long")
  .regex(SLUG_PATTERN, "Slugs use lowercase letters, digits and hyphens");

export const createArticleInput = z.object({
  headline: headlineSchema,
  /** A story, or a live blog (timestamped entries under the headline). */
  kind: z.enum(["STORY", "LIVE"], { message: "Choose a story or a live blog" }).default("STORY"),
});
export type CreateArticleInput = z.infer<typeof createArticleInput>;

export const articleRefInput = z.object({ id: articleIdSchema });

export const MAX_STANDFIRST_LENGTH = 400;
/** What fits in search results and social cards; longer is allowed up to the hard limits. */
export const RECOMMENDED_HEADLINE = 70;
export const RECOMMENDED_STANDFIRST = 160;
export const MAX_SEO_TITLE = 120;
export const MAX_SEO_DESCRIPTION = 320;
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).nullable();

export const versionSchema = z.number({ message: "The version you saw is required" }).int().min(1);

const standfirstSchema = z
  .string()
  .trim()
  .max(MAX_STANDFIRST_LENGTH, `Standfirst must be at most ${MAX_STANDFIRST_LENGTH} characters`);

const articleFields = z.object({
  id: articleIdSchema,
  version: versionSchema,
  sectionId: z.uuid({ message: "Choose a section" }).nullable(),
  heroImageCaption: optionalText("Caption", 500),
  heroImageCredit: optionalText("Credit", 200),
  heroImageAlt: optionalText("Alt text", 500),
  // Optional below: left out means "leave as it is".
  heroImageUrl: z
    .string()
    .regex(/^\/media\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, "Choose the hero image from the media library")
    .nullable()
    .optional(),
  slug: slugParamSchema.max(MAX_SLUG_LENGTH, `Slugs are at most ${MAX_SLUG_LENGTH} characters`).optional(),
  authorIds: z
    .array(z.uuid({ message: "Unknown author" }))
    .min(1, "An article needs at least one author")
    .max(10, "At most 10 authors")
    .optional(),
  tags: z
    .array(z.string().trim().min(1, "Tags cannot be empty").max(50, "Tags are at most 50 characters"))
    .max(20, "At most 20 tags")
    .optional(),
  /** A BCP 47 tag, stored canonical; null for the newsroom's language. */
  language: z
    .string()
    .max(MAX_LANGUAGE_LENGTH, "Choose a language from the list")
    .transform((value, ctx) => {
      const canonical = canonicalLanguage(value);
      if (canonical) return canonical;
      ctx.addIssue({ code: "custom", message: "Not a language tag: choose one from the list (as ar, ru or pt-BR)" });
      return z.NEVER;
    })
    .nullable()
    .optional(),
  seoTitle: optionalText("SEO title", MAX_SEO_TITLE).optional(),
  seoDescription: optionalText("SEO description", MAX_SEO_DESCRIPTION).optional(),
  targetWords: z
    .number()
    .int("Target length is a whole number of words")
    .min(50, "Target length is at least 50 words")
    .max(50_000, "Target length is at most 50,000 words")
    .nullable()
    .optional(),
});

/**
 * A save of the working copy: with its text (headline, standfirst, body), or, while the text
 * is co-edited (`sharedText: true`, the text travels through the shared document), without it.
 */
export const updateArticleInput = z.discriminatedUnion("sharedText", [
  articleFields.extend({
    sharedText: z.literal(false).optional(),
    headline: headlineSchema,
    standfirst: standfirstSchema,
    /** A Tiptap JSON document; validated against lib/content's schema by the service. */
    body: z.unknown(),
  }),
  articleFields.extend({ sharedText: z.literal(true) }).strict(),
]);
export type UpdateArticleInput = z.infer<typeof updateArticleInput>;

export const revisionRefInput = z.object({
  id: articleIdSchema,
  revisionId: z.uuid({ message: "Not a valid version id" }),
});

export const MAX_IMPORT_BYTES = 1_000_000;
export const importMarkdownInput = z.object({
  markdown: z.string().min(1, "The file is empty").max(MAX_IMPORT_BYTES, "The file is larger than 1 MB"),
});

/** A published article's new address; the old one keeps answering with a redirect. */
/** A recorded version's id, or "current" for the working copy. */
export const versionRefSchema = z.union([z.literal("current"), z.uuid()], {
  message: "Choose a version from the list, or the working copy",
});

export const compareVersionsInput = z.object({ id: articleIdSchema, from: versionRefSchema, to: versionRefSchema });

export const restoreRevisionInput = revisionRefInput.extend({ version: versionSchema });

export const changeSlugInput = z.object({
  id: articleIdSchema,
  version: versionSchema,
  slug: slugParamSchema.max(MAX_SLUG_LENGTH, `Slugs are at most ${MAX_SLUG_LENGTH} characters`),
});

/** Pin (or unpin) a published story as the home page's lead. */
export const pinInput = z.object({
  id: articleIdSchema,
  pinned: z.boolean({ message: "Say whether to pin or unpin" }),
});

/** Accept or reject suggestions (track changes) in an article's text: some by id, or all. */
export const decideSuggestionsInput = z.object({
  id: articleIdSchema,
  decision: z.enum(["accept", "reject"], { message: "Choose accept or reject" }),
  suggestions: z.union([
    z.literal("all"),
    z
      .array(z.string().regex(SUGGESTION_ID, "Not a suggestion id"))
      .min(1, "Choose a suggestion")
      .max(500, "At most 500 suggestions at once"),
  ]),
});

/** "Review after N days" on a published story (null clears it). */
export const reviewReminderInput = z.object({
  id: articleIdSchema,
  version: versionSchema,
  days: z
    .number({ message: "Say in how many days" })
    .int("Whole days")
    .min(1, "At least one day")
    .max(365, "At most 365 days")
    .nullable(),
});
