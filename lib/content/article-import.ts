import { parse as parseYaml, YAMLError } from "yaml";
import { z } from "zod";
import type { ContentDocument } from "./document";
import { convertMarkdown, MarkdownTooDeepError } from "./markdown";

/** The front matter of an article file, as in prisma/seed/sample-article.md. */
export const articleFrontMatterSchema = z.object({
  headline: z.string().trim().min(1, "headline is required"),
  standfirst: z.string().trim().default(""),
  section: z.string().trim().min(1).optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  hero: z
    .object({
      image: z.string().trim().min(1),
      caption: z.string().trim().default(""),
      credit: z.string().trim().default(""),
      alt: z.string().trim().default(""),
    })
    .optional(),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export interface ImportedArticle extends ArticleFrontMatter {
  body: ContentDocument;
  /** What did not come across as it was (images, tables, refused links), for the import report. */
  notes: string[];
}

/** Front matter is a handful of short fields; anything longer is not an article's front matter. */
export const MAX_FRONT_MATTER_CHARS = 20_000;

export class ArticleImportError extends Error {}

/** Splits a Markdown file into front matter and body and converts the body. */
export function parseArticleMarkdown(source: string): ImportedArticle {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ArticleImportError("The file has no front matter (a block between --- lines at the top).");
  if ((match[1] ?? "").length > MAX_FRONT_MATTER_CHARS) {
    throw new ArticleImportError(
      `The front matter is too long (the limit is ${MAX_FRONT_MATTER_CHARS.toLocaleString("en")} characters).`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    // YAML's own messages say where the mistake is; anything else (a stack overflow on absurd
    // nesting) is not for the reader.
    throw new ArticleImportError(
      error instanceof YAMLError
        ? `The front matter is not valid YAML: ${error.message}`
        : "The front matter is not valid YAML.",
    );
  }
  const front = articleFrontMatterSchema.safeParse(data ?? {});
  if (!front.success) {
    const issue = front.error.issues[0];
    throw new ArticleImportError(
      `Front matter ${issue?.path.join(".") || ""}: ${issue?.message ?? "is invalid"}`.trim(),
    );
  }
  try {
    const { document, notes } = convertMarkdown(match[2] ?? "");
    return { ...front.data, body: document, notes };
  } catch (error) {
    if (error instanceof MarkdownTooDeepError) throw new ArticleImportError(error.message);
    throw error;
  }
}
