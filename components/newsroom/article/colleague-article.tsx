import Link from "next/link";
import type { ContentDocument } from "@/lib/content/document";
import { formatInZone } from "@/lib/time-zone";
import type { ArticleStatusName } from "@/lib/article-status";
import { StatusBadge } from "../status-badge";
import { ArticleSummary } from "./article-summary";

/**
 * A colleague's story as a writer may read it: the working copy, read-only, with who is on it;
 * no editing, comments, history or workflow (those are its authors' and the editors').
 */
export function ColleagueArticle({
  article,
  timeZone,
}: {
  article: {
    id: string;
    slug: string;
    status: ArticleStatusName;
    headline: string;
    standfirst: string;
    body: ContentDocument;
    updatedAt: Date;
    section: { name: string } | null;
    authors: { user: { displayName: string } }[];
  };
  timeZone: string;
}) {
  const byline = article.authors.map((a) => a.user.displayName).join(", ");
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="mb-2 flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={article.status} />
          <span className="text-neutral-700">Last changed at {formatInZone(article.updatedAt, timeZone)}</span>
          <Link href={`/newsroom/articles/${article.id}/preview`} className="underline">
            Preview
          </Link>
          {article.status === "PUBLISHED" ? (
            <Link href={`/articles/${article.slug}`} className="underline">
              View the published page
            </Link>
          ) : null}
        </p>
        <h1 className="font-serif text-3xl font-bold">{article.headline}</h1>
        <p className="mt-1 text-sm text-neutral-700">
          {article.section?.name ?? "No section yet"} · by {byline}
        </p>
      </div>
      <p role="note" className="rounded border border-neutral-400 bg-neutral-50 p-3 text-sm">
        You are reading a colleague&rsquo;s story. Only its authors ({byline}) and the editors can change it or comment
        on it.
      </p>
      <ArticleSummary article={article} />
    </div>
  );
}
