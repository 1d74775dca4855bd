import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/newsroom/article-table";
import { MyAssignments } from "@/components/newsroom/budget/my-assignments";
import { DashboardGroups } from "@/components/newsroom/dashboard-groups";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Newsroom" };

/** The desk shows the latest changes; the articles page searches, filters and pages through all. */
const DESK_LIST = 20;

export default async function NewsroomPage() {
  const me = await requireNewsroomUser();
  const caller = await api();
  const [groups, articles, assignments] = await Promise.all([
    caller.article.dashboard(),
    caller.article.list({ limit: DESK_LIST }),
    caller.budget.mine(),
  ]);
  const now = serverClock();
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const editor = can(me.role, "article.review");
  const listTitle = can(me.role, "article.readAll") ? "All articles" : "My articles";
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{editor ? "Editors' desk" : "My desk"}</h1>
        <Link
          href="/newsroom/articles/new"
          className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700"
        >
          New article
        </Link>
      </div>
      {/* Writers plan their day from their assignments; editors' desks show theirs when they have any. */}
      {!editor || assignments.length > 0 ? (
        <MyAssignments lines={assignments} meId={me.id} now={now} timeZone={timeZone} />
      ) : null}
      <DashboardGroups groups={groups} now={now} timeZone={timeZone} />
      <section aria-labelledby="all-heading">
        <h2 id="all-heading" className="mb-4 text-xl font-bold">
          {listTitle}
        </h2>
        <ArticleTable articles={articles.articles} caption={listTitle} timeZone={timeZone} />
        <p className="mt-3">
          <Link href="/newsroom/articles" className="font-semibold underline">
            {articles.nextCursor ? `Search, filter and see all ${listTitle.toLowerCase()}` : "Search and filter"}
          </Link>
        </p>
      </section>
    </div>
  );
}
