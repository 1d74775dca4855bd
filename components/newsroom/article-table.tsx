import Link from "next/link";
import { formatInZone } from "@/lib/time-zone";
import type { NewsroomArticle } from "@/trpc/types";
import { StatusBadge } from "./status-badge";

export function ArticleTable({
  articles,
  caption,
  timeZone,
}: {
  articles: NewsroomArticle[];
  caption: string;
  timeZone: string;
}) {
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
              Last change
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} className="border-b border-neutral-200">
              <td className="py-2 pr-4">
                <Link href={`/newsroom/articles/${article.id}`} className="font-semibold hover:underline">
                  {article.headline}
                </Link>
              </td>
              <td className="py-2 pr-4">
                <StatusBadge status={article.status} />
              </td>
              <td className="py-2 pr-4">{article.authors.map((a) => a.user.displayName).join(", ")}</td>
              <td className="py-2">
                <time dateTime={article.updatedAt.toISOString()}>{formatInZone(article.updatedAt, timeZone)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
