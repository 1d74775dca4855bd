import type { Metadata } from "next";
import { offeredSections } from "@/lib/sections";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { AlsoEditing } from "@/components/newsroom/article/also-editing";
import { ArticleEditForm } from "@/components/newsroom/article/article-edit-form";
import { ArticleVersionProvider } from "@/components/newsroom/article/article-version";
import { LiveArticle } from "@/components/newsroom/article/live-article";
import { LiveEntries } from "@/components/newsroom/article/live-entries";
import { ArticleSummary } from "@/components/newsroom/article/article-summary";
import { ColleagueArticle } from "@/components/newsroom/article/colleague-article";
import { EditorialControls } from "@/components/newsroom/article/editorial-controls";
import { ReviewReminder } from "@/components/newsroom/article/review-reminder";
import { Timeline } from "@/components/newsroom/article/timeline";
import { WorkflowActions } from "@/components/newsroom/article/workflow-actions";
import { PanelGroup, WorkspaceLayout } from "@/components/newsroom/article/workspace-layout";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { REVISION_LABELS } from "@/lib/revision-kinds";
import { articleIdSchema } from "@/lib/schemas/article";
import { formatInZone, toZonedInput } from "@/lib/time-zone";
import { requireNewsroomUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { appEnv } from "@/server/env";
import { siteUrl } from "@/server/site";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Article" };

/** The next round quarter hour at least an hour ahead: a sensible default publishing time. */
function defaultScheduleTime(now: Date): Date {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.ceil((now.getTime() + 3600_000) / quarter) * quarter);
}

export default async function NewsroomArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const viewer = await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(raw)}`);
  const id = articleIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const caller = await api();
  const article = await caller.article.get({ id: id.data }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!article) notFound();
  if (article.colleague) return <ColleagueArticle article={article} timeZone={appEnv().MASTHEAD_TIME_ZONE} />;
  const [sections, versions, authors, contributors, tagNames, approved] = await Promise.all([
    article.canEdit ? caller.article.sections() : [],
    caller.article.revisions({ id: article.id }),
    article.canEdit ? caller.article.possibleAuthors() : [],
    article.canEdit ? caller.contributor.list() : [],
    article.canEdit ? caller.article.tagNames() : [],
    article.isEditor ? caller.article.approvedVersion({ id: article.id }) : null,
  ]);
  // The co-edited text the workspace starts from (seeded from the working copy on first open).
  const sharedState = article.canEdit ? await caller.article.sharedText({ id: article.id }) : "";
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const sentBack =
    article.status === "CHANGES_REQUESTED" ? article.events.findLast((e) => e.action === "REQUEST_CHANGES") : undefined;
  const publishing = article.allowedActions.some(
    (a) => a === "publish" || a === "schedule" || a === "reschedule" || a === "publishUpdate" || a === "republish",
  );

  const workflowGroup = (
    <PanelGroup id="workflow-heading" title="Workflow">
      {publishing && article.publishBlocker ? (
        <div role="note" className="flex flex-col gap-1 rounded border border-amber-700 bg-amber-50 p-3 text-sm">
          <p>{article.publishBlocker}</p>
          {article.canEdit && article.openSuggestions > 0 ? (
            <a href="#suggestions-heading" className="font-semibold underline">
              Go to the{" "}
              {article.openSuggestions === 1 ? "open suggestion" : `${article.openSuggestions} open suggestions`}
            </a>
          ) : null}
          {article.canEdit && article.holdForComments && article.openCommentThreads > 0 ? (
            <a href="#comments-heading" className="font-semibold underline">
              Go to the unresolved comments
            </a>
          ) : null}
        </div>
      ) : null}
      {article.allowedActions.length > 0 ? (
        <WorkflowActions
          articleId={article.id}
          actions={article.allowedActions}
          timeZone={timeZone}
          defaultScheduleValue={toZonedInput(defaultScheduleTime(serverClock()), timeZone)}
          scheduledValue={article.scheduledFor ? toZonedInput(article.scheduledFor, timeZone) : undefined}
        />
      ) : (
        <p className="text-sm text-neutral-700">No workflow step is yours to take at this stage.</p>
      )}
    </PanelGroup>
  );
  const historyGroups = (
    <>
      {article.isEditor || article.canEdit ? (
        <PanelGroup id="editorial-heading" title="Editorial controls" open={article.isEditor}>
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
              holdForComments: article.holdForComments,
              legalSignOff:
                article.legalSignedOffAt && article.legalSignedOffBy
                  ? `${article.legalSignedOffBy.displayName}, ${formatInZone(article.legalSignedOffAt, timeZone)}`
                  : null,
              embargoedUntilLocal: article.embargoedUntil ? toZonedInput(article.embargoedUntil, timeZone) : null,
              embargoLabel: article.embargoedUntil ? formatInZone(article.embargoedUntil, timeZone) : null,
              timeZone,
            }}
          />
          {article.isEditor && (article.status === "PUBLISHED" || article.reviewAt) ? (
            <ReviewReminder
              id={article.id}
              dueLabel={article.reviewAt ? formatInZone(article.reviewAt, timeZone) : null}
              sentLabel={article.reviewSentAt ? formatInZone(article.reviewSentAt, timeZone) : null}
            />
          ) : null}
        </PanelGroup>
      ) : null}
      {article.corrections.length > 0 ? (
        <PanelGroup id="corrections-heading" title="Corrections">
          <ol className="flex flex-col gap-2 text-sm">
            {article.corrections.map((c) => (
              <li key={c.id}>
                <time dateTime={c.createdAt.toISOString()}>{formatInZone(c.createdAt, timeZone)}</time> — {c.text}
              </li>
            ))}
          </ol>
        </PanelGroup>
      ) : null}
      {versions.length > 0 ? (
        <PanelGroup id="versions-heading" title="Versions">
          <p className="text-sm">
            <Link href={`/newsroom/articles/${article.id}/compare`} className="font-semibold underline">
              Compare versions
            </Link>
          </p>
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm">
            {versions.map((v) => (
              <li key={v.id}>
                <Link href={`/newsroom/articles/${article.id}/revisions/${v.id}`} className="underline">
                  {formatInZone(v.updatedAt, timeZone)}
                </Link>{" "}
                {REVISION_LABELS[v.kind]}
                {v.live ? " (live)" : ""} — {v.createdBy?.displayName ?? "Scheduler"} ·{" "}
                <Link
                  href={`/newsroom/articles/${article.id}/compare?from=${v.id}&to=current`}
                  className="underline"
                  aria-label={`Compare the version of ${formatInZone(v.updatedAt, timeZone)} with the working copy`}
                >
                  compare
                </Link>
              </li>
            ))}
          </ul>
        </PanelGroup>
      ) : null}
      <PanelGroup id="timeline-heading" title="Timeline">
        <Timeline events={article.events} timeZone={timeZone} />
      </PanelGroup>
    </>
  );

  return (
    <div className="flex flex-col gap-4">
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
          {article.section?.name ?? "No section yet"} · by {article.byline.map((a) => a.displayName).join(", ")}
        </p>
        <AlsoEditing articleId={article.id} />
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
      {approved ? (
        <p role="note" className="rounded border border-sky-700 bg-sky-50 p-3 text-sm">
          Changed since you approved it on {formatInZone(approved.approvedAt, timeZone)}.{" "}
          <Link
            href={`/newsroom/articles/${article.id}/compare?from=${approved.revisionId}&to=current`}
            className="font-semibold underline"
          >
            See the changes since you approved
          </Link>
        </p>
      ) : null}

      <ArticleVersionProvider version={article.version}>
        <LiveArticle articleId={article.id} renderedVersion={article.version} />
        {article.canEdit ? (
          <ArticleEditForm
            user={{ id: viewer.id, name: viewer.displayName }}
            sharedState={sharedState}
            isEditor={article.isEditor}
            article={article}
            sections={offeredSections(sections, article.section?.id)}
            options={{ authors, contributors, tagNames }}
            siteUrl={siteUrl()}
            panelTop={workflowGroup}
            panelBottom={historyGroups}
          />
        ) : (
          <WorkspaceLayout
            main={<ArticleSummary article={article} />}
            panel={
              <>
                {workflowGroup}
                {historyGroups}
              </>
            }
          />
        )}
      </ArticleVersionProvider>
      {article.kind === "LIVE" ? (
        <LiveEntries articleId={article.id} canEdit={article.canEdit} timeZone={timeZone} />
      ) : null}
    </div>
  );
}
