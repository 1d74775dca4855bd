import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ArticleView } from "@/components/public/article-view";
import { STATUS_LABELS } from "@/lib/article-status";
import { articleIdSchema } from "@/lib/schemas/article";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/** The working copy exactly as the public page will render it (same components, same renderer). */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(raw)}/preview`);
  const id = articleIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const article = await (await api()).article.preview({ id: id.data }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!article) notFound();
  return (
    <div className="flex flex-col gap-6">
      <p role="note" className="rounded border border-sky-700 bg-sky-50 p-3 text-sm">
        Preview of the working copy ({STATUS_LABELS[article.status]}): this is how the public page will look.{" "}
        <Link href={`/newsroom/articles/${article.id}`} className="underline">
          Back to editing
        </Link>
      </p>
      <ArticleView timeZone={appEnv().MASTHEAD_TIME_ZONE} article={article} />
    </div>
  );
}
