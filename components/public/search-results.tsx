import type { SearchResult } from "@/trpc/types";
import { Byline } from "./byline";

/** Ranked results with the matching words highlighted (<mark>), built from text parts, never HTML. */
export function SearchResults({ results, timeZone }: { results: SearchResult[]; timeZone: string }) {
  return (
    <ol className="mt-4">
      {results.map(({ card, snippet }) => (
        <li key={card.id} className="border-b border-rule py-5">
          {card.section ? (
            <p className="text-xs font-bold tracking-widest text-accent uppercase">{card.section.name}</p>
          ) : null}
          <h2 className="mt-1 font-serif text-2xl leading-tight font-bold">
            <a href={`/articles/${card.slug}`} className="underline-offset-4 hover:underline">
              {card.headline}
            </a>
          </h2>
          <p className="mt-2 font-serif text-lg">
            {snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
          </p>
          <div className="mt-2">
            <Byline authors={card.authors} publishedAt={card.publishedAt} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ol>
  );
}
