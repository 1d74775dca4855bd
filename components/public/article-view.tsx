import { renderDocument } from "@/lib/content/render";
import type { PublicArticle } from "@/server/services/public-articles";
import { formatInZone } from "@/lib/time-zone";
import { Byline } from "./byline";
import { HeroFigure } from "./hero-figure";

export function ArticleView({ article, timeZone }: { article: PublicArticle; timeZone: string }) {
  return (
    <article className="mx-auto max-w-3xl">
      {article.section ? (
        <p className="text-xs font-bold uppercase tracking-widest text-accent">{article.section.name}</p>
      ) : null}
      <h1 className="mt-2 font-serif text-3xl font-black leading-tight sm:text-5xl">{article.headline}</h1>
      {article.standfirst ? (
        <p className="mt-4 font-serif text-xl leading-snug text-neutral-800">{article.standfirst}</p>
      ) : null}
      <div className="mt-4">
        <Byline authors={article.authors} publishedAt={article.publishedAt} updatedAt={article.contentUpdatedAt} timeZone={timeZone} />
      </div>
      {article.heroImageUrl ? (
        <HeroFigure
          url={article.heroImageUrl}
          alt={article.heroImageAlt ?? ""}
          caption={article.heroImageCaption}
          credit={article.heroImageCredit}
          priority
        />
      ) : null}
      <div className="article-body mt-6">{renderDocument(article.body)}</div>
      {article.corrections.length > 0 ? (
        <section aria-labelledby="corrections-heading" className="mt-10 border-t border-neutral-300 pt-6">
          <h2 id="corrections-heading" className="font-serif text-xl font-bold">
            Corrections
          </h2>
          <ol className="mt-3 flex flex-col gap-3">
            {article.corrections.map((correction) => (
              <li key={correction.id} className="text-neutral-800">
                <time dateTime={correction.createdAt.toISOString()} className="font-semibold">
                  {formatInZone(correction.createdAt, timeZone)}
                </time>
                : {correction.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {article.tags.length > 0 ? (
        <ul aria-label="Tags" className="mt-10 flex flex-wrap gap-2">
          {article.tags.map(({ tag }) => (
            <li key={tag.slug} className="rounded-full bg-neutral-100 px-3 py-1 text-sm text-neutral-800">
              {tag.name}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
