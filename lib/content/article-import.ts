import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ContentDocument } from "./document";
import { markdownToDocument } from "./markdown";

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
}

export class ArticleImportError extends Error {}

/** Splits a Markdown file into front matter and body and converts the body. */
export function parseArticleMarkdown(source: string): ImportedArticle {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ArticleImportError("The file has no front matter (a block between --- lines at the top).");
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    throw new ArticleImportError(`The front matter is not valid YAML: ${error instanceof Error ? error.message : ""}`);
  }
  const front = articleFrontMatterSchema.safeParse(data ?? {});
  if (!front.success) {
    const issue = front.error.issues[0];
    throw new ArticleImportError(
      `Front matter ${issue?.path.join(".") || ""}: ${issue?.message ?? "is invalid"}`.trim(),
    );
  }
  return { ...front.data, body: markdownToDocument(match[2] ?? "") };
}
