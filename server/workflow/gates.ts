// Publish gates: what must be true before anything goes live. Pure; checked on the server at
// publish time, for immediate and scheduled publishing alike.

export interface GateFacts {
  headline: string;
  standfirst: string;
  /** At least one paragraph with words in it (lib/content/text.ts hasTextParagraph). */
  hasBodyParagraph: boolean;
  slug: string;
  authorCount: number;
  sectionId: string | null;
  heroImageUrl: string | null;
  heroImageCredit: string | null;
  heroImageAlt: string | null;
  legalReviewRequired: boolean;
  legalSignedOffAt: Date | null;
  embargoedUntil: Date | null;
  /** Suggestions (track changes) nobody has accepted or rejected yet. */
  openSuggestions: number;
  /** The editor's hold: no publishing while comment threads are unresolved. */
  holdForComments: boolean;
  openCommentThreads: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const blank = (value: string | null) => !value || value.trim() === "";

/** What is missing, in words an editor understands; empty when the article may go live. */
export function missingForPublish(article: GateFacts): string[] {
  const missing: string[] = [];
  if (blank(article.headline)) missing.push("a headline");
  if (blank(article.standfirst)) missing.push("a standfirst");
  if (!article.hasBodyParagraph) missing.push("a body with at least one paragraph");
  if (blank(article.slug)) missing.push("a slug");
  if (article.authorCount < 1) missing.push("at least one author");
  if (!article.sectionId) missing.push("a section");
  if (article.heroImageUrl) {
    if (blank(article.heroImageCredit)) missing.push("a hero image credit");
    if (blank(article.heroImageAlt)) missing.push("hero image alt text");
  }
  if (article.legalReviewRequired && !article.legalSignedOffAt) missing.push("a legal sign-off");
  if (article.openSuggestions > 0)
    missing.push(
      `a decision on ${count(article.openSuggestions, "open suggestion", "open suggestions")} (accept or reject in Suggestions)`,
    );
  if (article.holdForComments && article.openCommentThreads > 0)
    missing.push(
      `${count(article.openCommentThreads, "comment thread", "comment threads")} resolved (the editor holds publishing until comments are resolved)`,
    );
  return missing;
}

/** Null when the embargo (if any) has passed. */
export function embargoProblem(article: Pick<GateFacts, "embargoedUntil">, now: Date): Date | null {
  return article.embargoedUntil && article.embargoedUntil.getTime() > now.getTime() ? article.embargoedUntil : null;
}

export function gateMessage(missing: string[]): string {
  return `This article cannot be published yet. Missing: ${missing.join(", ")}.`;
}
