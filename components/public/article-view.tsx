import { renderDocument } from "@/lib/content/render";
import type { PublicArticle } from "@/server/services/public-articles";
import { Byline } from "./byline";
import { HeroFigure } from "./hero-figure";

export function ArticleView({ article }: { article: PublicArticle }) {
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
        <Byline authors={article.authors} publishedAt={article.publishedAt} />
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
