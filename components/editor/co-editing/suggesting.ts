import { Extension } from "@tiptap/core";
import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { newSuggestionId } from "@/lib/content/suggestions";

// Suggesting mode (track changes): while it is on, what this person types, deletes or pastes
// is turned into suggestions in their name (lib/content/marks/suggestion.ts) instead of
// changing the text; they travel through the shared document like any edit. Changes a
// suggestion cannot carry (a block's kind, a new figure, a list) are refused with a message.

export const SUGGESTING_REFUSED =
  "In Suggesting mode you can suggest changes to words and paragraph breaks. Switch to Editing to change blocks, headings, lists or figures.";

export interface SuggestingOptions {
  /** The signed-in person's id: their suggestions carry it. */
  authorId: string;
  onRefused: (message: string) => void;
}

/** Whether a transaction came from someone else, from undo, or from outside typing. */
function passesThrough(tr: Transaction): boolean {
  const ySync: unknown = tr.getMeta(ySyncPluginKey);
  const sync = typeof ySync === "object" && ySync !== null ? (ySync as Record<string, unknown>) : {};
  const own: unknown = tr.getMeta(suggestChangesKey);
  return (
    !tr.docChanged ||
    Boolean(sync.isChangeOrigin) ||
    Boolean(sync.isUndoRedoOperation) ||
    (typeof own === "object" && own !== null && "skip" in own)
  );
}

/** Whether the suggestion is made of text replacements and suggestion marks only (no block changes). */
function carriedBySuggestions(tr: Transaction): boolean {
  return tr.steps.every(
    (step) =>
      (step instanceof ReplaceStep && !(step instanceof ReplaceAroundStep)) ||
      ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) &&
        (step.mark.type.name === "insertion" || step.mark.type.name === "deletion")),
  );
}

export function suggestionTransaction(tr: Transaction, state: EditorState, authorId: string): Transaction | null {
  try {
    const tracked = transformToSuggestionTransaction(tr, state, () => newSuggestionId(authorId));
    return carriedBySuggestions(tracked) ? tracked : null;
  } catch {
    return null;
  }
}

export const Suggesting = Extension.create<SuggestingOptions>({
  name: "suggesting",
  addOptions: () => ({ authorId: "", onRefused: () => undefined }),
  addProseMirrorPlugins() {
    return [suggestChanges()];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    if (!isSuggestChangesEnabled(state) || passesThrough(transaction)) {
      next(transaction);
      return;
    }
    const tracked = suggestionTransaction(transaction, state, this.options.authorId);
    if (tracked) next(tracked);
    else this.options.onRefused(SUGGESTING_REFUSED);
  },
});

/** Turns Suggesting mode on or off for this person (others are not affected). */
export function setSuggesting(state: EditorState, dispatch: (tr: Transaction) => void, on: boolean) {
  dispatch(state.tr.setMeta(suggestChangesKey, { skip: true, enabled: on }));
}

export { isSuggestChangesEnabled as isSuggesting };
