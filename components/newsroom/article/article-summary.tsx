import type { ContentDocument } from "@/lib/content/document";
import { renderDocument } from "@/lib/content/render";

/** The working copy, read-only, for users who may not edit it in its current state. */
export function ArticleSummary({ article }: { article: { standfirst: string; body: ContentDocument } }) {
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-4">
      <h2 id="summary-heading" className="text-lg font-bold">
        Article
      </h2>
      {article.standfirst ? <p className="font-serif text-lg">{article.standfirst}</p> : null}
      <div className="article-body">{renderDocument(article.body)}</div>
    </section>
  );
}
