import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { AlsoEditing } from "@/components/newsroom/article/also-editing";
import { ArticleEditForm } from "@/components/newsroom/article/article-edit-form";
import { ArticleVersionProvider } from "@/components/newsroom/article/article-version";
import { LiveArticle } from "@/components/newsroom/article/live-article";
import { ArticleSummary } from "@/components/newsroom/article/article-summary";
import { EditorialControls } from "@/components/newsroom/article/editorial-controls";
import { Timeline } from "@/components/newsroom/article/timeline";
import { WorkflowActions } from "@/components/newsroom/article/workflow-actions";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { articleIdSchema } from "@/lib/schemas/article";
import { formatInZone, toZonedInput } from "@/lib/time-zone";
import { requireNewsroomUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Article" };

const REVISION_LABELS = {
  PUBLISHED: "published",
  TRANSITION: "workflow step",
  SAVE: "saved",
  RESTORED: "restored",
} as const;

/** The next round quarter hour at least an hour ahead: a sensible default publishing time. */
function defaultScheduleTime(now: Date): Date {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.ceil((now.getTime() + 3600_000) / quarter) * quarter);
}

export default async function NewsroomArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(raw)}`);
  const id = articleIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const caller = await api();
  const article = await caller.article.get({ id: id.data }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!article) notFound();
  const [sections, versions, authors, tagNames] = await Promise.all([
    article.canEdit ? caller.article.sections() : [],
    caller.article.revisions({ id: article.id }),
    article.canEdit ? caller.article.possibleAuthors() : [],
    article.canEdit ? caller.article.tagNames() : [],
  ]);
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const sentBack =
    article.status === "CHANGES_REQUESTED" ? article.events.findLast((e) => e.action === "REQUEST_CHANGES") : undefined;
  const publishing = article.allowedActions.some(
    (a) => a === "publish" || a === "schedule" || a === "publishUpdate" || a === "republish",
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="mb-2 flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={article.status} />
          {article.hasUnpublishedChanges ? (
            <span className="font-semibold text-amber-900">Unpublished changes</span>
          ) : null}
          {article.scheduledFor ? <span>Scheduled for {formatInZone(article.scheduledFor, timeZone)}</span> : null}
          <span className="text-neutral-700">
            Last changed {article.updatedBy ? `by ${article.updatedBy.displayName} ` : ""}at{" "}
            {formatInZone(article.updatedAt, timeZone)}
          </span>
        </p>
        <h1 className="font-serif text-3xl font-bold">{article.headline}</h1>
        <AlsoEditing articleId={article.id} />
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-semibold">Slug</dt>
          <dd>{article.slug}</dd>
          <dt className="font-semibold">Authors</dt>
          <dd>{article.authors.map((a) => a.user.displayName).join(", ")}</dd>
          <dt className="font-semibold">Section</dt>
          <dd>{article.section?.name ?? "None yet"}</dd>
        </dl>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link href={`/newsroom/articles/${article.id}/preview`} className="underline">
            Preview
          </Link>
          {article.status === "PUBLISHED" ? (
            <Link href={`/articles/${article.slug}`} className="underline">
              View the published page
            </Link>
          ) : null}
        </p>
      </div>

      {sentBack ? (
        <div
          role="note"
          aria-label="Changes requested"
          className="rounded border border-orange-700 bg-orange-50 p-3 text-sm"
        >
          <p className="font-semibold">Changes requested by {sentBack.actor?.displayName ?? "an editor"}</p>
          <p className="mt-1 whitespace-pre-line">{sentBack.note}</p>
        </div>
      ) : null}
      {article.scheduleFailure ? (
        <p role="note" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          The scheduled publish did not happen. {article.scheduleFailure}
        </p>
      ) : null}
      {publishing && article.publishBlocker ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3 text-sm">
          {article.publishBlocker}
        </p>
      ) : null}

      <ArticleVersionProvider version={article.version}>
        <LiveArticle articleId={article.id} renderedVersion={article.version} />
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div>
            {article.canEdit ? (
              <ArticleEditForm article={article} sections={sections} options={{ authors, tagNames }} />
            ) : (
              <ArticleSummary article={article} />
            )}
          </div>
          <aside className="flex flex-col gap-8" aria-label="Workflow and history">
            <WorkflowActions
              articleId={article.id}
              actions={article.allowedActions}
              timeZone={timeZone}
              defaultScheduleValue={toZonedInput(defaultScheduleTime(serverClock()), timeZone)}
            />
            <EditorialControls
              state={{
                id: article.id,
                isEditor: article.isEditor,
                canEdit: article.canEdit,
                wasPublished: article.publishedAt !== null,
                isLive: article.status === "PUBLISHED",
                pinned: article.pinnedAt !== null,
                slug: article.slug,
                legalReviewRequired: article.legalReviewRequired,
                legalSignOff:
                  article.legalSignedOffAt && article.legalSignedOffBy
                    ? `${article.legalSignedOffBy.displayName}, ${formatInZone(article.legalSignedOffAt, timeZone)}`
                    : null,
                embargoedUntilLocal: article.embargoedUntil ? toZonedInput(article.embargoedUntil, timeZone) : null,
                embargoLabel: article.embargoedUntil ? formatInZone(article.embargoedUntil, timeZone) : null,
                timeZone,
              }}
            />
            {article.corrections.length > 0 ? (
              <section aria-labelledby="corrections-heading">
                <h2 id="corrections-heading" className="text-sm font-bold uppercase tracking-wide text-neutral-700">
                  Corrections
                </h2>
                <ol className="mt-2 flex flex-col gap-2 text-sm">
                  {article.corrections.map((c) => (
                    <li key={c.id}>
                      <time dateTime={c.createdAt.toISOString()}>{formatInZone(c.createdAt, timeZone)}</time> — {c.text}
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {versions.length > 0 ? (
              <section aria-labelledby="versions-heading">
                <h2 id="versions-heading" className="text-sm font-bold uppercase tracking-wide text-neutral-700">
                  Versions
                </h2>
                <ul className="mt-2 flex max-h-72 flex-col gap-1 overflow-y-auto text-sm">
                  {versions.map((v) => (
                    <li key={v.id}>
                      <Link href={`/newsroom/articles/${article.id}/revisions/${v.id}`} className="underline">
                        {formatInZone(v.updatedAt, timeZone)}
                      </Link>{" "}
                      {REVISION_LABELS[v.kind]}
                      {v.live ? " (live)" : ""} — {v.createdBy?.displayName ?? "Scheduler"}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <Timeline events={article.events} timeZone={timeZone} />
          </aside>
        </div>
      </ArticleVersionProvider>
    </div>
  );
}
