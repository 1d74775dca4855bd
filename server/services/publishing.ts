import type { Prisma } from "../db/generated/client";
import { embargoProblem, gateMessage, missingForPublish, type GateFacts } from "../workflow/gates";
import type { ContentDocument, ContentNode } from "@/lib/content/document";
import { countSuggestions } from "@/lib/content/suggestions";
import { hasTextParagraph } from "@/lib/content/text";
import { formatInZone } from "@/lib/time-zone";

/** Everything the gates and a publish need from an article row. */
export const publishableSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  bodyText: true,
  sectionId: true,
  heroImageUrl: true,
  heroImageCaption: true,
  heroImageCredit: true,
  heroImageAlt: true,
  legalReviewRequired: true,
  legalSignedOffAt: true,
  embargoedUntil: true,
  publishedAt: true,
  holdForComments: true,
  _count: { select: { authors: true, contributors: true, commentThreads: { where: { resolvedAt: null } } } },
} as const satisfies Prisma.ArticleSelect;

export type PublishableArticle = Prisma.ArticleGetPayload<{ select: typeof publishableSelect }>;

function gateFacts(article: PublishableArticle): GateFacts {
  return {
    ...article,
    // A byline may be contributors or agencies alone ("Reuters").
    authorCount: article._count.authors + article._count.contributors,
    // Stored bodies were validated on save (lib/content/validate.ts).
    hasBodyParagraph: hasTextParagraph(article.body as unknown as ContentNode),
    openSuggestions: countSuggestions(article.body as unknown as ContentDocument),
    openCommentThreads: article._count.commentThreads,
  };
}

/** Null when the article may go live at `now`; otherwise the reason, in a sentence. */
export function publishBlocker(article: PublishableArticle, now: Date, timeZone: string): string | null {
  const missing = missingForPublish(gateFacts(article));
  if (missing.length > 0) return gateMessage(missing);
  const embargo = embargoProblem(article, now);
  if (embargo)
    return `This article is embargoed until ${formatInZone(embargo, timeZone)}: it cannot be published before then.`;
  return null;
}

/** The content of a revision: what readers see of a published version. */
export const revisionContentSelect = {
  headline: true,
  standfirst: true,
  body: true,
  heroImageUrl: true,
  heroImageCaption: true,
  heroImageCredit: true,
  heroImageAlt: true,
} as const satisfies Prisma.ArticleRevisionSelect;
