import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { articleIdSchema } from "@/lib/schemas/article";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Article" };

export default async function NewsroomArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(raw)}`);
  const id = articleIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const article = await (await api()).article.get({ id: id.data }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!article) notFound();
  return (
    <article className="max-w-3xl">
      <p className="mb-2">
        <StatusBadge status={article.status} />
      </p>
      <h1 className="font-serif text-3xl font-bold">{article.headline}</h1>
      {article.standfirst ? <p className="mt-3 font-serif text-lg">{article.standfirst}</p> : null}
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-semibold">Slug</dt>
        <dd>{article.slug}</dd>
        <dt className="font-semibold">Authors</dt>
        <dd>{article.authors.map((a) => a.user.displayName).join(", ")}</dd>
        <dt className="font-semibold">Section</dt>
        <dd>{article.section?.name ?? "None yet"}</dd>
        <dt className="font-semibold">Last change</dt>
        <dd>{formatDateTime(article.updatedAt)}</dd>
      </dl>
      {article.status === "PUBLISHED" ? (
        <p className="mt-6">
          <Link href={`/articles/${article.slug}`} className="underline">
            View the published page
          </Link>
        </p>
      ) : null}
    </article>
  );
}
