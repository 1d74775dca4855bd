import { textDirection } from "@/lib/language";
import type { PublicCard } from "@/trpc/types";
import { Byline } from "./byline";
import { Picture } from "./picture";

/** A story in a list: section, headline (the link), standfirst, byline; the lead shows its image. */
export function ArticleCard({
  article,
  timeZone,
  lead = false,
  headingLevel = 2,
}: {
  article: PublicCard;
  timeZone: string;
  lead?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // A story in its own language on a page in another: its words are marked (and set right to
  // left when they run that way).
  const own = article.language ? { lang: article.language, dir: textDirection(article.language) } : {};
  const text = (
    <div className="min-w-0 flex-1">
      {/* A label, not a link: one tab stop per story (the sections are in the header). */}
      {article.section ? (
        <p className="text-xs font-bold tracking-widest text-accent uppercase">{article.section.name}</p>
      ) : null}
      <Heading
        {...own}
        className={`mt-1 font-serif leading-tight font-bold ${lead ? "text-3xl sm:text-4xl" : "text-xl sm:text-2xl"}`}
      >
        <a href={`/articles/${article.slug}`} className="underline-offset-4 hover:underline">
          {article.headline}
        </a>
      </Heading>
      {article.standfirst ? (
        <p {...own} className={`mt-2 font-serif ${lead ? "text-lg" : "text-base sm:text-lg"}`}>
          {article.standfirst}
        </p>
      ) : null}
      <div className="mt-2">
        <Byline
          authors={article.authors}
          publishedAt={article.publishedAt}
          updatedAt={article.contentUpdatedAt}
          timeZone={timeZone}
        />
      </div>
    </div>
  );
  if (lead) {
    return (
      <article className="border-b border-rule pb-8">
        {article.hero ? (
          <div className="mb-4">
            <Picture
              src={article.hero.url}
              alt={article.hero.alt}
              width={article.hero.width}
              height={article.hero.height}
              sizes="(min-width: 64rem) 62rem, 100vw"
              eager
              className="h-auto w-full bg-surface"
            />
          </div>
        ) : null}
        {text}
      </article>
    );
  }
  return (
    <article className="flex gap-4 border-b border-rule py-5">
      {text}
      {article.hero ? (
        <div className="w-24 shrink-0 sm:w-40">
          <Picture
            src={article.hero.url}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes="(min-width: 40rem) 10rem, 6rem"
            className="h-auto w-full bg-surface"
          />
        </div>
      ) : null}
    </article>
  );
}
