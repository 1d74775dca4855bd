import { canonicalJson } from "@/lib/canonical-json";
import type { ContentDocument } from "@/lib/content/document";
import type { RouterInputs } from "@/trpc/types";

// The article as the edit form holds it, kept apart from the form so the conflict panel and the
// metadata fields can use it without importing the form.

export interface EditableArticle {
  id: string;
  version: number;
  slug: string;
  headline: string;
  standfirst: string;
  sectionId: string | null;
  body: ContentDocument;
  heroImageUrl: string | null;
  heroImageCaption: string | null;
  heroImageCredit: string | null;
  heroImageAlt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  targetWords: number | null;
  /** BCP 47; null: the newsroom's. */
  language: string | null;
  publishedAt: Date | null;
  /** Accounts and contributors, in byline order. */
  byline: { id: string }[];
  tags: { tag: { name: string } }[];
}

/** Everything the form edits; saved as one. */
export interface ArticleDraft {
  /** "" for none. */
  heroImageUrl: string;
  headline: string;
  standfirst: string;
  sectionId: string;
  body: ContentDocument;
  heroImageCaption: string;
  heroImageCredit: string;
  heroImageAlt: string;
  slug: string;
  authorIds: string[];
  /** Comma-separated, as typed. */
  tags: string;
  seoTitle: string;
  seoDescription: string;
  /** As typed in a number field ("" for none). */
  targetWords: string;
  /** A BCP 47 tag; "" for the newsroom's language. */
  language: string;
}

export function draftFromArticle(article: EditableArticle): ArticleDraft {
  return {
    heroImageUrl: article.heroImageUrl ?? "",
    headline: article.headline,
    standfirst: article.standfirst,
    sectionId: article.sectionId ?? "",
    body: article.body,
    heroImageCaption: article.heroImageCaption ?? "",
    heroImageCredit: article.heroImageCredit ?? "",
    heroImageAlt: article.heroImageAlt ?? "",
    slug: article.slug,
    authorIds: article.byline.map((a) => a.id),
    tags: article.tags.map((t) => t.tag.name).join(", "),
    seoTitle: article.seoTitle ?? "",
    seoDescription: article.seoDescription ?? "",
    targetWords: article.targetWords === null ? "" : String(article.targetWords),
    language: article.language ?? "",
  };
}

/** `draft` with the text (headline, standfirst, body) of `source`. */
export function withTextOf(draft: ArticleDraft, source: ArticleDraft): ArticleDraft {
  return { ...draft, headline: source.headline, standfirst: source.standfirst, body: source.body };
}

/** Whether two drafts have the same text: headline, standfirst and body (key order aside). */
export function sameText(a: ArticleDraft, b: ArticleDraft): boolean {
  return a.headline === b.headline && a.standfirst === b.standfirst && canonicalJson(a.body) === canonicalJson(b.body);
}

/**
 * What a save of `value` sends (article.update). Co-edited (`sharedText`), the text travels
 * through the shared document and is left out; after the first publish the address changes
 * only with “Change address”.
 */
export function updateInput(
  articleId: string,
  value: ArticleDraft,
  version: number,
  options: { sharedText: boolean; wasPublished: boolean },
): RouterInputs["article"]["update"] {
  return {
    id: articleId,
    version,
    ...(options.sharedText
      ? { sharedText: true as const }
      : { headline: value.headline, standfirst: value.standfirst, body: value.body }),
    sectionId: value.sectionId || null,
    heroImageUrl: value.heroImageUrl || null,
    heroImageCaption: value.heroImageUrl ? value.heroImageCaption : null,
    heroImageCredit: value.heroImageUrl ? value.heroImageCredit : null,
    heroImageAlt: value.heroImageUrl ? value.heroImageAlt : null,
    slug: options.wasPublished ? undefined : value.slug,
    authorIds: value.authorIds,
    tags: value.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    seoTitle: value.seoTitle,
    seoDescription: value.seoDescription,
    targetWords: value.targetWords.trim() === "" ? null : Number(value.targetWords),
    language: value.language || null,
  };
}
