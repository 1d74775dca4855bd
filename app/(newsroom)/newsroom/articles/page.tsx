import type { Metadata } from "next";
import { everySection, offeredSections } from "@/lib/sections";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { ArticleTable } from "@/components/newsroom/article-table";
import { BulkSelection } from "@/components/newsroom/bulk-actions";
import { ArticleFilters, filtersFrom, type ListParams } from "@/components/newsroom/article-filters";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";
import type { NewsroomArticle } from "@/trpc/types";

export const metadata: Metadata = { title: "Articles" };

/** The same view one page on: the address with the next page's cursor. */
function pageHref(params: ListParams, cursor: string | null): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "cursor" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) next.append(key, v);
  }
  if (cursor) next.set("cursor", cursor);
  const query = next.toString();
  return `/newsroom/articles${query ? `?${query}` : ""}`;
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<ListParams> }) {
  const me = await requireNewsroomUser();
  const params = await searchParams;
  const caller = await api();
  const [sections, people, contributors, settings] = await Promise.all([
    caller.article.sections(),
    caller.article.possibleAuthors(),
    caller.contributor.list(),
    caller.settings.get(),
  ]);
  const { query, problem } = filtersFrom(params);
  let articles: NewsroomArticle[] = [];
  let nextCursor: string | null = null;
  let refused: string | null = problem;
  if (!problem) {
    try {
      ({ articles, nextCursor } = await caller.article.list(query));
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
      refused = error.message;
    }
  }
  // Writers see their colleagues' stories too (read-only) when the newsroom allows it.
  const title = can(me.role, "article.readAll") || settings.colleaguesCanRead ? "All articles" : "My articles";
  // Editors change many at once; each article is still checked as if changed alone.
  const bulk = can(me.role, "article.editAll");
  const table = (selectable: boolean) => (
    <ArticleTable
      articles={articles}
      caption={title}
      timeZone={appEnv().MASTHEAD_TIME_ZONE}
      dateColumn={query.sort}
      empty={query.cursor ? "No more articles." : "No articles match."}
      selectable={selectable}
    />
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <ArticleFilters params={params} sections={everySection(sections)} people={people} contributors={contributors} />
      {refused ? (
        <p role="alert" className="text-red-800">
          {refused}{" "}
          <Link href="/newsroom/articles" className="underline">
            Show all articles
          </Link>
        </p>
      ) : (
        <section aria-labelledby="results-heading" className="flex flex-col gap-4">
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          {bulk && articles.length > 0 ? (
            <BulkSelection sections={offeredSections(sections, null)}>{table(true)}</BulkSelection>
          ) : (
            table(false)
          )}
          <nav aria-label="Pages" className="flex gap-3">
            {query.cursor ? (
              <Link href={pageHref(params, null)} className="underline">
                First page
              </Link>
            ) : null}
            {nextCursor ? (
              <Link href={pageHref(params, nextCursor)} className="font-semibold underline">
                Next page
              </Link>
            ) : null}
          </nav>
        </section>
      )}
    </div>
  );
}
