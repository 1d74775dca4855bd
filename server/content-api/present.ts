import type { ApiAuthor, ApiStory, ApiStorySummary } from "@/lib/schemas/content-api";
import { plainText } from "@/lib/content/text";
import { storyFeedHtml } from "@/lib/syndication/story-html";
import type { PublicArticle, PublicCard } from "../services/public-articles";

// The content API's shapes of a story, from what the public site shows of it.

export interface ApiContext {
  /** The site's public origin, for absolute addresses. */
  origin: string;
  /** The newsroom's language (MASTHEAD_LANGUAGE), for stories without their own. */
  language: string;
  timeZone: string;
}

const absolute = (origin: string, path: string) => (/^https?:\/\//.test(path) ? path : `${origin}${path}`);

export function apiAuthorOf(
  origin: string,
  author: { slug: string; name: string; kind: ApiAuthor["kind"] },
): ApiAuthor {
  return { slug: author.slug, name: author.name, kind: author.kind, url: `${origin}/authors/${author.slug}` };
}

export function storySummary(card: PublicCard, context: ApiContext): ApiStorySummary {
  const { origin } = context;
  const page = `${origin}/articles/${card.slug}`;
  return {
    id: card.id,
    slug: card.slug,
    url: page,
    headline: card.headline,
    standfirst: card.standfirst,
    language: card.language ?? context.language,
    section: card.section && { ...card.section, url: `${origin}/sections/${card.section.slug}` },
    authors: card.authors.map((a) => apiAuthorOf(origin, { slug: a.slug, name: a.displayName, kind: a.kind })),
    tags: card.tags.map((t) => ({ ...t, url: `${origin}/tags/${t.slug}` })),
    publishedAt: card.publishedAt.toISOString(),
    updatedAt: (card.contentUpdatedAt ?? card.publishedAt).toISOString(),
    image: card.hero && {
      url: absolute(origin, card.hero.url),
      alt: card.hero.alt,
      caption: card.hero.caption,
      credit: card.hero.credit,
      width: card.hero.width,
      height: card.hero.height,
      crops: {
        "16x9": `${page}/image/16x9`,
        "4x3": `${page}/image/4x3`,
        "1x1": `${page}/image/1x1`,
      },
    },
    ninjs: `${origin}/api/v1/stories/${card.id}.ninjs.json`,
  };
}

/** The whole story: its body as the feeds carry it (clean HTML, absolute addresses). */
export async function storyWhole(story: PublicArticle, context: ApiContext): Promise<ApiStory> {
  return {
    ...storySummary(story, context),
    bodyHtml: await storyFeedHtml(
      { hero: null, body: story.body, corrections: [] },
      { origin: context.origin, timeZone: context.timeZone },
    ),
    bodyText: plainText(story.body),
    corrections: story.corrections.map((c) => ({ text: c.text, at: c.createdAt.toISOString() })),
  };
}
