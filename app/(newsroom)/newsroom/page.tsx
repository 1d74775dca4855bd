import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/newsroom/article-table";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Newsroom" };

export default async function NewsroomPage() {
  const me = await requireNewsroomUser();
  const articles = await (await api()).article.list();
  const title = can(me.role, "article.readAll") ? "All articles" : "My articles";
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{title}</h1>
        <Link href="/newsroom/articles/new" className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700">
          New article
        </Link>
      </div>
      <ArticleTable articles={articles} caption={title} />
    </>
  );
}
