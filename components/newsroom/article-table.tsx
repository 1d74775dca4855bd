import Link from "next/link";
import { mergeByline } from "@/lib/byline";
import { LIST_SORT_LABELS, type ListSort } from "@/lib/schemas/article-list";
import { formatInZone } from "@/lib/time-zone";
import type { NewsroomArticle } from "@/trpc/types";
import { StatusBadge } from "./status-badge";

/** The date a row shows: the one the list is sorted by. */
function dateOf(article: NewsroomArticle, column: ListSort): Date | null {
  if (column === "published") return article.publishedAt;
  if (column === "deadline") return article.deadline;
  return article.updatedAt;
}

export function ArticleTable({
  articles,
  caption,
  timeZone,
  dateColumn = "updated",
  empty,
  selectable = false,
}: {
  articles: NewsroomArticle[];
  caption: string;
  timeZone: string;
  dateColumn?: ListSort;
  /** What an empty list says (a search that found nothing is not "no articles yet"). */
  empty?: string;
  /** A checkbox per row (name "ids"), for the bulk actions of an enclosing form. */
  selectable?: boolean;
}) {
  if (articles.length === 0 && empty) return <p className="text-neutral-700">{empty}</p>;
  if (articles.length === 0) {
    return (
      <p className="text-neutral-700">
        No articles yet.{" "}
        <Link href="/newsroom/articles/new" className="underline">
          Start a new one
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-neutral-400">
            {selectable ? (
              <th scope="col" className="py-2 pr-2">
                <span className="sr-only">Select</span>
              </th>
            ) : null}
            <th scope="col" className="py-2 pr-4">
              Headline
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Authors
            </th>
            <th scope="col" className="py-2">
              {LIST_SORT_LABELS[dateColumn]}
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} className="border-b border-neutral-200">
              {selectable ? (
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    name="ids"
                    value={article.id}
                    aria-label={`Select “${article.headline}”`}
                    className="size-4"
                  />
                </td>
              ) : null}
              <td className="py-2 pr-4">
                <Link href={`/newsroom/articles/${article.id}`} className="font-semibold hover:underline">
                  {article.headline}
                </Link>
              </td>
              <td className="py-2 pr-4">
                <StatusBadge status={article.status} />
              </td>
              <td className="py-2 pr-4">
                {mergeByline(article.authors, article.contributors)
                  .map((a) => a.displayName)
                  .join(", ")}
              </td>
              <td className="py-2">
                <DateCell date={dateOf(article, dateColumn)} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DateCell({ date, timeZone }: { date: Date | null; timeZone: string }) {
  return date ? <time dateTime={date.toISOString()}>{formatInZone(date, timeZone)}</time> : <>—</>;
}
