import Link from "next/link";
import type { PublicArticle } from "@/server/services/public-articles";
import { Byline } from "./byline";
import { HeroFigure } from "./hero-figure";

export function ArticleCard({ article, timeZone, lead = false }: { article: PublicArticle; timeZone: string; lead?: boolean }) {
  return (
    <article className={lead ? "border-b border-neutral-300 pb-8" : "border-b border-neutral-200 py-6"}>
      {lead && article.heroImageUrl ? (
        <HeroFigure url={article.heroImageUrl} alt={article.heroImageAlt ?? ""} credit={article.heroImageCredit} priority />
      ) : null}
      {article.section ? (
        <p className="text-xs font-bold uppercase tracking-widest text-accent">{article.section.name}</p>
      ) : null}
      <h2 className={`mt-1 font-serif font-bold leading-tight ${lead ? "text-3xl sm:text-4xl" : "text-2xl"}`}>
        <Link href={`/articles/${article.slug}`} className="hover:underline">
          {article.headline}
        </Link>
      </h2>
      {article.standfirst ? <p className="mt-2 font-serif text-lg text-neutral-800">{article.standfirst}</p> : null}
      <div className="mt-2">
        <Byline authors={article.authors} publishedAt={article.publishedAt} updatedAt={article.contentUpdatedAt} timeZone={timeZone} />
      </div>
    </article>
  );
}
