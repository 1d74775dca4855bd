"use client";

import { useCallback, useDeferredValue, useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { plainText, readingMinutes, wordCount } from "@/lib/content/text";
import {
  MAX_HEADLINE_LENGTH,
  MAX_STANDFIRST_LENGTH,
  RECOMMENDED_HEADLINE,
  RECOMMENDED_STANDFIRST,
} from "@/lib/schemas/article";
import { useTRPCClient } from "@/trpc/client";
import { BodyEditor } from "../../editor/body-editor";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { draftFromArticle, type ArticleDraft, type EditableArticle } from "./article-draft";
import { ConflictPanel } from "./conflict-panel";
import { HeroImageFields } from "./hero-image-fields";
import { DetailsFields, SeoFields, type MetadataOptions } from "./metadata-fields";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { PanelGroup, WorkspaceLayout } from "./workspace-layout";

const inputClass = "rounded border border-neutral-500 px-3 py-2 text-base";

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "All changes saved";
    case "pending":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${status.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;
    case "restored":
      return "Restored unsaved changes from this device";
    case "offline":
      return "Offline — changes kept on this device";
    case "busy":
      return "Waiting to save — the story is busy; changes kept on this device";
    case "conflict":
      return "Conflict";
    case "refused":
      return `Not saved: ${status.message}`;
  }
}

/**
 * The writing workspace: headline, standfirst and body in the main column; the article's
 * details, search texts and hero image in the side panel, between the page's own groups
 * (`panelTop`: workflow; `panelBottom`: editorial controls, versions, timeline).
 */
export function ArticleEditForm({
  article,
  sections,
  options,
  siteUrl,
  panelTop,
  panelBottom,
}: {
  article: EditableArticle;
  sections: { id: string; name: string }[];
  options: MetadataOptions;
  siteUrl: string;
  panelTop: ReactNode;
  panelBottom: ReactNode;
}) {
  const client = useTRPCClient();
  const [initial] = useState<ArticleDraft>(() => draftFromArticle(article));
  const [draft, setDraft] = useState<ArticleDraft>(initial);
  // Bumped to reload the body editor with a document from elsewhere (restore, take theirs).
  const [editorKey, setEditorKey] = useState(0);

  // A flag, not the date: the page is refreshed with a new Date object on every save.
  const wasPublished = article.publishedAt !== null;
  const save = useCallback(
    (value: ArticleDraft, version: number) =>
      client.article.update.mutate({
        id: article.id,
        version,
        headline: value.headline,
        standfirst: value.standfirst,
        sectionId: value.sectionId || null,
        body: value.body,
        heroImageUrl: value.heroImageUrl || null,
        heroImageCaption: value.heroImageUrl ? value.heroImageCaption : null,
        heroImageCredit: value.heroImageUrl ? value.heroImageCredit : null,
        heroImageAlt: value.heroImageUrl ? value.heroImageAlt : null,
        // After the first publish the address changes only with “Change address”.
        slug: wasPublished ? undefined : value.slug,
        authorIds: value.authorIds,
        tags: value.tags
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
        seoTitle: value.seoTitle,
        seoDescription: value.seoDescription,
        targetWords: value.targetWords.trim() === "" ? null : Number(value.targetWords),
      }),
    [article.id, wasPublished, client],
  );
  const replace = useCallback((value: ArticleDraft) => {
    setDraft(value);
    setEditorKey((key) => key + 1);
  }, []);
  const { status, saveNow, resolve } = useAutosave({
    articleId: article.id,
    value: draft,
    initial,
    save,
    onRestore: replace,
  });

  const set = (key: "headline" | "standfirst") => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const patch = useCallback((change: Partial<ArticleDraft>) => setDraft((current) => ({ ...current, ...change })), []);
  // Counting 20,000 words takes longer than a frame: the count follows the text a moment
  // later, in a render React does after the keystroke has painted.
  const deferredBody = useDeferredValue(draft.body);
  const words = useMemo(() => wordCount(plainText(deferredBody)), [deferredBody]);
  const setBody = useCallback((body: ContentDocument) => setDraft((current) => ({ ...current, body })), []);
  const target = Number(draft.targetWords) || null;
  const fieldError = (key: string) => (status.kind === "refused" ? status.fieldErrors[key]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void saveNow();
  }

  const form = (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="edit-heading" className="text-lg font-bold">
          Edit
        </h2>
        <p
          role="status"
          className={`text-sm ${status.kind === "conflict" || status.kind === "refused" ? "font-semibold text-red-800" : "text-neutral-700"}`}
        >
          {statusText(status)}
        </p>
      </div>
      {status.kind === "conflict" ? (
        <ConflictPanel
          articleId={article.id}
          mine={draft}
          onChangeMine={replace}
          onKeepMine={(version) => resolve({ keep: "mine", version })}
          onTakeTheirs={(theirs, version, changed) => {
            replace(theirs);
            resolve(changed ? { keep: "mine", value: theirs, version } : { keep: "theirs", value: theirs, version });
          }}
        />
      ) : null}
      <Field
        id="edit-headline"
        label="Headline"
        value={draft.headline}
        onChange={(e) => set("headline")(e.target.value)}
        error={fieldError("headline")}
        hint={`${draft.headline.trim().length} characters (aim for ${RECOMMENDED_HEADLINE} or fewer; at most ${MAX_HEADLINE_LENGTH})`}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="edit-standfirst" className="text-sm font-semibold">
          Standfirst
        </label>
        <textarea
          id="edit-standfirst"
          rows={2}
          value={draft.standfirst}
          onChange={(e) => set("standfirst")(e.target.value)}
          aria-describedby="edit-standfirst-count"
          className={inputClass}
        />
        <p id="edit-standfirst-count" className="text-sm text-neutral-700">
          {draft.standfirst.trim().length} characters (aim for {RECOMMENDED_STANDFIRST} or fewer; at most{" "}
          {MAX_STANDFIRST_LENGTH}){fieldError("standfirst") ? ` — ${fieldError("standfirst")}` : ""}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <span id="edit-body-label" className="text-sm font-semibold">
          Body
        </span>
        <BodyEditor
          key={editorKey}
          initial={draft.body}
          labelId="edit-body-label"
          describedBy={fieldError("body") ? "edit-body-error" : undefined}
          onChange={setBody}
        />
        <p className="text-sm text-neutral-700" aria-live="polite">
          {words} words · {readingMinutes(words)} min read
          {target
            ? ` · ${words} of ${target} target words (${words >= target ? `${words - target} over` : `${target - words} to go`})`
            : ""}
        </p>
        {fieldError("body") ? (
          <p id="edit-body-error" className="text-sm text-red-800">
            {fieldError("body")}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={status.kind === "saving" || status.kind === "conflict"}>
          Save now
        </Button>
      </div>
    </form>
  );

  return (
    <WorkspaceLayout
      main={form}
      panel={
        <>
          {panelTop}
          <PanelGroup id="details-heading" title="Details">
            <DetailsFields
              draft={draft}
              options={options}
              sections={sections}
              slugLocked={wasPublished}
              errorFor={fieldError}
              onChange={patch}
            />
          </PanelGroup>
          <PanelGroup id="hero-heading" title="Hero image">
            <HeroImageFields draft={draft} errorFor={fieldError} onChange={patch} />
          </PanelGroup>
          <PanelGroup id="seo-heading" title="Search and social" open={false}>
            <SeoFields draft={draft} errorFor={fieldError} onChange={patch} siteUrl={siteUrl} />
          </PanelGroup>
          {panelBottom}
        </>
      }
    />
  );
}
