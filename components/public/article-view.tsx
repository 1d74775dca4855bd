import { renderDocument } from "@/lib/content/render";
import { formatInZone } from "@/lib/time-zone";
import type { PublicArticle, PublicCard, PublicLiveBlog } from "@/trpc/types";
import { ArticleCard } from "./article-card";
import { Byline } from "./byline";
import { LiveBlog } from "./live-blog";
import { Picture } from "./picture";

/** The article as readers see it: the same rendering serves the public page and the newsroom preview. */
export function ArticleView({
  article,
  related = [],
  live = null,
  timeZone,
}: {
  article: PublicArticle;
  related?: PublicCard[];
  /** A live blog's entries (null for a story). */
  live?: PublicLiveBlog | null;
  timeZone: string;
}) {
  return (
    <article className="mx-auto max-w-3xl">
      {article.section ? (
        <p className="text-xs font-bold tracking-widest text-accent uppercase">
          <a href={`/sections/${article.section.slug}`}>{article.section.name}</a>
        </p>
      ) : null}
      <h1 className="mt-2 font-serif text-3xl leading-tight font-black sm:text-5xl">{article.headline}</h1>
      {article.standfirst ? <p className="mt-4 font-serif text-xl leading-snug">{article.standfirst}</p> : null}
      <div className="mt-4">
        <Byline
          authors={article.authors}
          publishedAt={article.publishedAt}
          updatedAt={article.contentUpdatedAt}
          timeZone={timeZone}
        />
      </div>
      {article.hero ? (
        <figure className="my-6">
          <Picture
            src={article.hero.url}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes="(min-width: 52rem) 48rem, 100vw"
            eager
            className="h-auto w-full bg-surface"
          />
          {article.hero.caption || article.hero.credit ? (
            <figcaption className="mt-2 text-sm text-muted">
              {article.hero.caption}
              {article.hero.credit ? <span className="ml-1">Photo: {article.hero.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <div className="article-body mt-6">{renderDocument(article.body)}</div>
      {live ? (
        <LiveBlog
          live={live}
          endedAt={article.coverageEndedAt}
          feedPath={`/articles/${article.slug}/live.atom`}
          timeZone={timeZone}
        />
      ) : null}
      {article.corrections.length > 0 ? (
        <section aria-labelledby="corrections-heading" className="mt-10 border-t border-rule pt-6">
          <h2 id="corrections-heading" className="font-serif text-xl font-bold">
            Corrections
          </h2>
          <ol className="mt-3 flex flex-col gap-3">
            {article.corrections.map((correction) => (
              <li key={correction.id}>
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
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <a
                href={`/tags/${tag.slug}`}
                className="inline-block rounded-full bg-surface px-3 py-1 text-sm underline-offset-4 hover:underline"
              >
                {tag.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="no-print mt-12 border-t-2 border-ink pt-4">
          <h2 id="related-heading" className="font-serif text-2xl font-bold">
            Related stories
          </h2>
          {related.map((card) => (
            <ArticleCard key={card.id} article={card} timeZone={timeZone} headingLevel={3} />
          ))}
        </section>
      ) : null}
    </article>
  );
}
