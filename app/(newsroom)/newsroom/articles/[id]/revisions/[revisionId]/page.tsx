import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { RestoreVersion } from "@/components/newsroom/article/restore-version";
import { Picture } from "@/components/public/picture";
import { renderDocument } from "@/lib/content/render";
import { revisionRefInput } from "@/lib/schemas/article";
import { formatInZone } from "@/lib/time-zone";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Version" };

export default async function RevisionPage({ params }: { params: Promise<{ id: string; revisionId: string }> }) {
  const { id, revisionId } = await params;
  await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(id)}`);
  const input = revisionRefInput.safeParse({ id, revisionId });
  if (!input.success) notFound();
  const caller = await api();
  const revision = await caller.article.revision(input.data).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!revision) notFound();
  const article = await caller.article.get({ id: input.data.id });
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  return (
    <article className="mx-auto max-w-3xl">
      <p className="mb-4 rounded border border-sky-700 bg-sky-50 p-3 text-sm">
        {revision.kind === "PUBLISHED"
          ? `The version that went live on ${formatInZone(revision.createdAt, timeZone)}, published by ${revision.createdBy?.displayName ?? "the scheduler"}.`
          : `The text as ${revision.kind === "SAVE" ? "saved" : revision.kind === "RESTORED" ? "restored" : "it stood at a workflow step"} on ${formatInZone(revision.updatedAt, timeZone)} by ${revision.createdBy?.displayName ?? "the scheduler"}.`}{" "}
        <Link href={`/newsroom/articles/${id}`} className="underline">
          Back to the article
        </Link>{" "}
        ·{" "}
        <Link href={`/newsroom/articles/${id}/compare?from=${revision.id}&to=current`} className="underline">
          Compare with the working copy
        </Link>
      </p>
      {article.canEdit ? (
        <div className="mb-6">
          <RestoreVersion articleId={id} revisionId={revision.id} version={article.version} />
        </div>
      ) : null}
      <h1 className="font-serif text-3xl font-black leading-tight sm:text-4xl">{revision.headline}</h1>
      {revision.standfirst ? <p className="mt-4 font-serif text-xl text-neutral-800">{revision.standfirst}</p> : null}
      {revision.heroImageUrl ? (
        <figure className="my-6">
          <Picture
            src={revision.heroImageUrl}
            alt={revision.heroImageAlt ?? ""}
            width={null}
            height={null}
            sizes="(min-width: 52rem) 48rem, 100vw"
            className="h-auto w-full"
          />
          <figcaption className="mt-2 text-sm text-neutral-700">
            {revision.heroImageCaption} {revision.heroImageCredit ? `Photo: ${revision.heroImageCredit}` : null}
          </figcaption>
        </figure>
      ) : null}
      <div className="article-body mt-6">{renderDocument(revision.body)}</div>
    </article>
  );
}
