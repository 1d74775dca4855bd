"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { plainText, readingMinutes, wordCount } from "@/lib/content/text";
import {
  MAX_HEADLINE_LENGTH,
  MAX_STANDFIRST_LENGTH,
  RECOMMENDED_HEADLINE,
  RECOMMENDED_STANDFIRST,
} from "@/lib/schemas/article";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { BodyEditor } from "../../editor/body-editor";
import { selectionAnchor } from "../../editor/co-editing/anchors";
import { showCommentMarks } from "../../editor/co-editing/comment-marks";
import { isSuggesting } from "../../editor/co-editing/suggesting";
import { CommentThreads, useThreads, type CommentAnchor } from "./comments-panel";
import { ReviewBar } from "./review-bar";
import { SuggestionList, useSuggestions } from "./suggestions-panel";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import type { ArticleDraft, EditableArticle } from "./article-draft";
import { ConflictPanel } from "./conflict-panel";
import { HeroImageFields } from "./hero-image-fields";
import { DetailsFields, SeoFields, type MetadataOptions } from "./metadata-fields";
import { useWorkspaceDraft } from "./use-workspace-draft";
import { workspaceStatus } from "./save-status";
import { useArticleVersion } from "./article-version";
import { useCoEditing, type CoEditing, type CoEditingUser } from "../../editor/co-editing/use-co-editing";
import { PanelGroup, WorkspaceLayout } from "./workspace-layout";

const inputClass = "rounded border border-neutral-500 px-3 py-2 text-base";

interface WorkspaceProps {
  article: EditableArticle;
  sections: { id: string; name: string }[];
  options: MetadataOptions;
  siteUrl: string;
  panelTop: ReactNode;
  panelBottom: ReactNode;
}

/**
 * The writing workspace: headline, standfirst and body in the main column; the article's
 * details, search texts and hero image in the side panel, between the page's own groups
 * (`panelTop`: workflow; `panelBottom`: editorial controls, versions, timeline).
 *
 * The text is co-edited when the co-editing connection can be made (everyone in the story
 * types into one shared text; the form's autosave keeps the other fields); otherwise the
 * form's autosave saves everything, with the conflict screen when two people save.
 */
export function ArticleEditForm({
  user,
  sharedState,
  isEditor,
  ...props
}: WorkspaceProps & { user: CoEditingUser; sharedState: string; isEditor: boolean }) {
  const { noteVersion } = useArticleVersion();
  const coEditing = useCoEditing({ articleId: props.article.id, user, sharedState, onStoredVersion: noteVersion });
  return <EditWorkspace {...props} coEditing={coEditing} userName={user.name} me={user.id} isEditor={isEditor} />;
}

function EditWorkspace({
  article,
  sections,
  options,
  siteUrl,
  panelTop,
  panelBottom,
  coEditing,
  userName,
  me,
  isEditor,
}: WorkspaceProps & { coEditing: CoEditing; userName: string; me: string; isEditor: boolean }) {
  const { doc, presence, color, mode } = coEditing;
  const { sharedText, draft, setDraft, view, fields, replace, autosave } = useWorkspaceDraft(article, coEditing);
  const { headlineRef, standfirstRef, changeHeadline, changeStandfirst } = fields;
  const { status, saveNow, resolve } = autosave;
  const line = workspaceStatus(status, sharedText ? coEditing.status : null);
  // One object for the editor's life: a new one would make it rebuild (and lose the caret).
  // Comments (on the words selected when "Comment" or Ctrl/Cmd+Alt+M is pressed) and
  // suggestions (Suggesting mode) say what they refuse under the body.
  const [editor, setEditor] = useState<Editor | null>(null);
  const [anchor, setAnchor] = useState<CommentAnchor | null>(null);
  const [commentNotice, setCommentNotice] = useState<string | null>(null);
  const sharedBody = useMemo(
    () => ({
      doc,
      provider: presence,
      user: { name: userName, color },
      suggesting: { authorId: me, onRefused: setCommentNotice },
    }),
    [doc, presence, userName, color, me],
  );
  const locked = sharedText && coEditing.status.kind === "closed";
  const suggestions = useSuggestions(editor);
  // Suggesting covers the body's words: the headline and standfirst are not changed behind a
  // person who believes they are only suggesting.
  const suggestingOn =
    useEditorState({ editor, selector: ({ editor: e }) => (e ? isSuggesting(e.state) : false) }) ?? false;
  const onlyInEditing = suggestingOn
    ? " Suggesting covers the body: switch to Editing to change this, or leave a comment."
    : "";
  const { threads, reload: reloadThreads } = useThreads(article.id);
  const people = options.authors;
  // The words open threads are on, marked in the text (again whenever the threads change).
  useEffect(() => {
    if (editor && !editor.isDestroyed)
      showCommentMarks(
        editor,
        threads.filter((thread) => !thread.resolvedAt),
      );
  }, [editor, threads]);
  const startComment = useCallback(() => {
    const selected = editor ? selectionAnchor(editor) : null;
    setCommentNotice(selected ? null : "Select the words you want to comment on first.");
    setAnchor(selected);
  }, [editor]);

  const set = (key: "headline" | "standfirst") => (key === "headline" ? changeHeadline : changeStandfirst);
  const patch = useCallback(
    (change: Partial<ArticleDraft>) => setDraft((current) => ({ ...current, ...change })),
    [setDraft],
  );
  // Counting 20,000 words takes longer than a frame: the count follows the text a moment
  // later, in a render React does after the keystroke has painted.
  const deferredBody = useDeferredValue(draft.body);
  const words = useMemo(() => wordCount(plainText(deferredBody)), [deferredBody]);
  const setBody = useCallback((body: ContentDocument) => setDraft((current) => ({ ...current, body })), [setDraft]);
  const target = Number(draft.targetWords) || null;
  const fieldError = (key: string) => (status.kind === "refused" ? status.fieldErrors[key]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void saveNow().then(coEditing.flush);
  }

  const form = (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="edit-heading" className="text-lg font-bold">
          Edit
        </h2>
        <div className="flex items-baseline gap-2">
          {sharedText ? (
            <span className="text-sm font-semibold text-indigo-900" title="Everyone in this story edits one text, live">
              Live
            </span>
          ) : null}
          <p role="status" className={`text-sm ${line.problem ? "font-semibold text-red-800" : "text-neutral-700"}`}>
            {mode === "connecting" ? "Opening…" : line.text}
          </p>
        </div>
      </div>
      {status.kind === "conflict" ? (
        <ConflictPanel
          articleId={article.id}
          mine={view}
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
        ref={headlineRef}
        // Arabic, Hebrew, Persian or Urdu run right to left as they are typed.
        dir="auto"
        readOnly={locked || suggestingOn}
        label="Headline"
        value={view.headline}
        onChange={(e) => set("headline")(e.target.value)}
        error={fieldError("headline")}
        hint={`${view.headline.trim().length} characters (aim for ${RECOMMENDED_HEADLINE} or fewer; at most ${MAX_HEADLINE_LENGTH}).${onlyInEditing}`}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="edit-standfirst" className="text-sm font-semibold">
          Standfirst
        </label>
        <textarea
          id="edit-standfirst"
          dir="auto"
          rows={2}
          ref={standfirstRef}
          readOnly={locked || suggestingOn}
          value={view.standfirst}
          onChange={(e) => set("standfirst")(e.target.value)}
          aria-describedby="edit-standfirst-count"
          className={inputClass}
        />
        <p id="edit-standfirst-count" className="text-sm text-neutral-700">
          {view.standfirst.trim().length} characters (aim for {RECOMMENDED_STANDFIRST} or fewer; at most{" "}
          {MAX_STANDFIRST_LENGTH}).{fieldError("standfirst") ? ` ${fieldError("standfirst")}` : ""}
          {onlyInEditing}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <span id="edit-body-label" className="text-sm font-semibold">
          Body
        </span>
        <BodyEditor
          initial={draft.body}
          coEditing={sharedBody}
          editable={!locked}
          // Co-edited, the body here is only counted: it may follow the text a moment later.
          reportDelayMs={sharedText ? 300 : undefined}
          labelId="edit-body-label"
          describedBy={fieldError("body") ? "edit-body-error" : undefined}
          onChange={setBody}
          onComment={startComment}
          onEditor={setEditor}
        />
        <ReviewBar
          articleId={article.id}
          editor={editor}
          people={people}
          anchor={anchor}
          notice={commentNotice}
          onComment={startComment}
          onCommentDone={(sent) => {
            setAnchor(null);
            if (sent) void reloadThreads();
            editor?.commands.focus();
          }}
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
              slugLocked={article.publishedAt !== null}
              errorFor={fieldError}
              onChange={patch}
            />
          </PanelGroup>
          <PanelGroup id="hero-heading" title="Hero image">
            <HeroImageFields draft={draft} errorFor={fieldError} onChange={patch} />
          </PanelGroup>
          <PanelGroup id="suggestions-heading" title={`Suggestions (${suggestions.length} open)`}>
            <SuggestionList
              articleId={article.id}
              editor={editor}
              suggestions={suggestions}
              people={people}
              live={sharedText}
              flush={coEditing.flush}
            />
          </PanelGroup>
          <PanelGroup
            id="comments-heading"
            title={`Comments (${threads.filter((thread) => !thread.resolvedAt).length} open)`}
          >
            <CommentThreads
              threads={threads}
              reload={reloadThreads}
              people={people}
              me={me}
              isEditor={isEditor}
              editor={editor}
            />
          </PanelGroup>
          <PanelGroup id="seo-heading" title="Search and social" open={false}>
            <SeoFields draft={view} errorFor={fieldError} onChange={patch} siteUrl={siteUrl} />
          </PanelGroup>
          {panelBottom}
        </>
      }
    />
  );
}
