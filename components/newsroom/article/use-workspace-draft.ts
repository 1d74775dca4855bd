"use client";

import { useCallback, useMemo, useState } from "react";
import { SHARED, writeSharedDoc } from "@/lib/content/shared-doc";
import { useTRPCClient } from "@/trpc/client";
import type { CoEditing } from "../../editor/co-editing/use-co-editing";
import { useSharedField } from "../../editor/co-editing/use-shared-field";
import {
  draftFromArticle,
  sameText,
  updateInput,
  withTextOf,
  type ArticleDraft,
  type EditableArticle,
} from "./article-draft";
import { useAutosave } from "./use-autosave";

/**
 * What the workspace form holds and how it is saved: the text bound to the shared document
 * (headline and standfirst fields, the body through the editor), the other fields in the form,
 * and the autosave of either everything (the fallback) or the other fields (co-edited).
 */
export function useWorkspaceDraft(article: EditableArticle, coEditing: CoEditing) {
  const client = useTRPCClient();
  const { doc, mode } = coEditing;
  const sharedText = mode === "shared";
  const [initial] = useState<ArticleDraft>(() => draftFromArticle(article));
  const [draft, setDraft] = useState<ArticleDraft>(initial);
  // The text is always the shared document's: the editor and these two fields are bound to it.
  const [headline, changeHeadline, headlineRef] = useSharedField<HTMLInputElement>(
    doc.getText(SHARED.headline),
    initial.headline,
  );
  const [standfirst, changeStandfirst, standfirstRef] = useSharedField<HTMLTextAreaElement>(
    doc.getText(SHARED.standfirst),
    initial.standfirst,
  );
  const view = useMemo(() => ({ ...draft, headline, standfirst }), [draft, headline, standfirst]);

  // A flag, not the date: the page is refreshed with a new Date object on every save.
  const wasPublished = article.publishedAt !== null;
  const save = useCallback(
    (value: ArticleDraft, version: number) =>
      client.article.update.mutate(updateInput(article.id, value, version, { sharedText, wasPublished })),
    [article.id, wasPublished, client, sharedText],
  );
  // A version from elsewhere (restored from this device, taken from the conflict screen): its
  // text goes into the shared document as the smallest edit, the rest into the form. Co-edited,
  // only the rest: the shared text is everyone's.
  const replace = useCallback(
    (value: ArticleDraft) => {
      if (!sharedText)
        writeSharedDoc(doc, { headline: value.headline, standfirst: value.standfirst, body: value.body });
      setDraft((current) => (sharedText ? { ...value, body: current.body } : value));
    },
    [sharedText, doc],
  );
  // Co-edited, the autosave keeps only the other fields (under a name of their own on this
  // device): a new value only when one of them changes, not on every keystroke in the text.
  const detailsJson = sharedText ? JSON.stringify({ ...draft, headline: "", standfirst: "", body: null }) : null;
  const sharedDetails = useMemo(
    () => (detailsJson === null ? null : withTextOf(JSON.parse(detailsJson) as ArticleDraft, initial)),
    [detailsJson, initial],
  );
  // What the server has as the page was last refreshed (someone else's change to the section,
  // tags, …): co-edited, in the same shape as the value above (the text is the shared document's).
  const server = useMemo(() => {
    const fresh = draftFromArticle(article);
    return { value: sharedText ? withTextOf(fresh, initial) : fresh, version: article.version };
  }, [article, sharedText, initial]);
  // Taken into the form only when nothing here is unsaved, and only the fields that are not the
  // text: the fallback takes it only when the text is what this page last saved.
  const adopt = useCallback((value: ArticleDraft) => setDraft((current) => withTextOf(value, current)), []);
  const autosave = useAutosave({
    articleId: sharedText ? `${article.id}:details` : article.id,
    // While the connection is being made, typing goes into the shared text and waits.
    disabled: mode === "connecting",
    value: sharedDetails ?? view,
    initial,
    save,
    onRestore: replace,
    alsoFlush: coEditing.flush,
    server,
    canAdopt: sameText,
    onAdopt: adopt,
  });
  return {
    sharedText,
    draft,
    setDraft,
    view,
    fields: { headlineRef, standfirstRef, changeHeadline, changeStandfirst },
    replace,
    autosave,
  };
}
