import { prerender } from "react-dom/static.edge";
import type { ContentDocument } from "@/lib/content/document";
import { renderDocument } from "@/lib/content/render";
import { formatInZone } from "@/lib/time-zone";
import { feedHtml } from "./feed-html";

/** What a feed shows of a story beyond its title and summary. */
export interface FeedStory {
  hero: { url: string; alt: string; caption: string; credit: string | null } | null;
  body: ContentDocument;
  corrections: { id: string; text: string; createdAt: Date }[];
}

/**
 * A story's full content for feed readers: hero figure, body and corrections (each dated, as
 * on its page), rendered by the page's renderer and cleaned for feeds, with absolute addresses.
 */
export async function storyFeedHtml(
  story: FeedStory,
  { origin, timeZone }: { origin: string; timeZone: string },
): Promise<string> {
  const { prelude } = await prerender(
    <>
      {story.hero ? (
        <figure>
          <img src={story.hero.url} alt={story.hero.alt} />
          <figcaption>
            {story.hero.caption}
            {story.hero.credit ? ` Photo: ${story.hero.credit}` : ""}
          </figcaption>
        </figure>
      ) : null}
      {renderDocument(story.body)}
      {story.corrections.length > 0 ? (
        <>
          <h2>Corrections</h2>
          <ol>
            {story.corrections.map((correction) => (
              <li key={correction.id}>{`${formatInZone(correction.createdAt, timeZone)}: ${correction.text}`}</li>
            ))}
          </ol>
        </>
      ) : null}
    </>,
  );
  return feedHtml(await new Response(prelude).text(), origin);
}
