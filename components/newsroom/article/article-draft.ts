import type { ContentDocument } from "@/lib/content/document";

// The article as the edit form holds it, kept apart from the form so the conflict panel and the
// metadata fields can use it without importing the form.

export interface EditableArticle {
  id: string;
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
  publishedAt: Date | null;
  authors: { user: { id: string } }[];
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
    authorIds: article.authors.map((a) => a.user.id),
    tags: article.tags.map((t) => t.tag.name).join(", "),
    seoTitle: article.seoTitle ?? "",
    seoDescription: article.seoDescription ?? "",
    targetWords: article.targetWords === null ? "" : String(article.targetWords),
  };
}
