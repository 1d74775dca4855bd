import { Extension } from "@tiptap/core";
import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { ANCHOR, newSuggestionId } from "@/lib/content/suggestions";

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

/**
 * The boundary between two sibling textblocks that a deletion from `from` to `to` touches: the
 * one it crosses, or the one next to the single character it removes at a block's start or end
 * (Backspace just after a suggested break removes the anchor the caret stands after).
 */
function boundaryTouched(doc: PmNode, from: number, to: number): { end: number; start: number } | null {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if ($from.depth < 1 || $to.depth < 1 || !$from.parent.isTextblock || !$to.parent.isTextblock) return null;
  if ($from.after() === $to.before()) return { end: $from.end(), start: $to.start() };
  if (to - from !== 1 || $from.parent !== $to.parent) return null;
  if (from === $from.start() && $from.index($from.depth - 1) > 0) {
    const $end = doc.resolve($from.before() - 1);
    return $end.parent.isTextblock ? { end: $end.pos, start: from } : null;
  }
  if (to === $to.end() && $to.index($to.depth - 1) < $to.node($to.depth - 1).childCount - 1) {
    const $start = doc.resolve($to.after() + 1);
    return $start.parent.isTextblock ? { end: to, start: $start.pos } : null;
  }
  return null;
}

/**
 * A suggested paragraph break (anchored on zero-width spaces marked inserted at the end of one
 * block and the start of the next) removed again by Backspace or Delete: taken out for real,
 * as deleting suggested words does, so it leaves no suggestion. (The plugin marks it removed
 * instead, or first removes the anchor alone; where a removed break was already next to it,
 * rejecting all then left an empty paragraph that was never in the story.)
 */
function withdrawnBreak(tr: Transaction, state: EditorState): Transaction | null {
  const step = tr.steps.length === 1 ? tr.steps[0] : undefined;
  if (!(step instanceof ReplaceStep) || step instanceof ReplaceAroundStep || step.slice.size > 0) return null;
  const boundary = boundaryTouched(state.doc, step.from, step.to);
  if (!boundary) return null;
  const { end, start } = boundary;
  // Only the anchors themselves may be in the range besides the break.
  if (step.from < end - 1 || step.to > start + 1) return null;
  const insertion = state.schema.marks.insertion;
  const before = state.doc.resolve(end).nodeBefore;
  const after = state.doc.resolve(start).nodeAfter;
  const a = insertion && before?.text?.endsWith(ANCHOR) ? insertion.isInSet(before.marks) : undefined;
  const b = insertion && after?.text?.startsWith(ANCHOR) ? insertion.isInSet(after.marks) : undefined;
  if (!a || !b || a.attrs.id !== b.attrs.id) return null;
  return state.tr.delete(end - 1, start + 1);
}

export function suggestionTransaction(tr: Transaction, state: EditorState, authorId: string): Transaction | null {
  const withdrawn = withdrawnBreak(tr, state);
  if (withdrawn) return withdrawn;
  try {
    const tracked = transformToSuggestionTransaction(tr, state, () => newSuggestionId(authorId));
    return carriedBySuggestions(tracked) ? tracked : null;
  } catch {
    return null;
  }
}

const isSuggestionMark = (name: string) => name === "insertion" || name === "deletion";

/** Whether text between `from` and `to` (clamped) carries a suggestion. */
function suggestionBetween(doc: PmNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node) => {
    if (found) return false;
    if (node.isText && node.marks.some((mark) => isSuggestionMark(mark.type.name))) found = true;
    return !found;
  });
  return found;
}

/** Whether a transaction adds, removes or edits next to a suggestion (only what it changed is looked at). */
function touchesSuggestions(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return isSuggestionMark(step.mark.type.name);
    const before = tr.docs[i];
    const after = tr.docs[i + 1] ?? tr.doc;
    let touched = false;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      touched ||=
        (before !== undefined && suggestionBetween(before, oldStart - 1, oldEnd + 1)) ||
        suggestionBetween(after, newStart - 1, newEnd + 1);
    });
    return touched;
  });
}

const decorationsKey = new PluginKey<DecorationSet>("suggestionDecorations");

function pilcrow(kind: string): HTMLElement {
  const mark = document.createElement("span");
  mark.className = `suggestion suggestion-${kind}`;
  // Seen, not read: the suggestions list says "Add a paragraph break" in words.
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = "¶";
  return mark;
}

/** A ¶ where a paragraph break is suggested (the plugin anchors it on a zero-width space). */
function breakMarks(doc: PmNode): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => isSuggestionMark(m.type.name));
    if (mark && node.text === "\u200B")
      found.push(
        Decoration.widget(pos, () => pilcrow(mark.type.name), { key: `${mark.type.name}${String(mark.attrs.id)}` }),
      );
    return false;
  });
  return DecorationSet.create(doc, found);
}

/**
 * Suggested paragraph breaks shown as ¶, worked out again only when a change touches a
 * suggestion (the plugin's own marks walk the whole story on every keystroke); otherwise
 * moved along with the text.
 */
const suggestionDecorations = new Plugin<DecorationSet>({
  key: decorationsKey,
  state: {
    init: (_config, state) => breakMarks(state.doc),
    apply: (tr, previous) => {
      if (!tr.docChanged) return previous;
      return touchesSuggestions(tr) ? breakMarks(tr.doc) : previous.map(tr.mapping, tr.doc);
    },
  },
  props: { decorations: (state) => decorationsKey.getState(state) },
});

/** The suggestion plugin (whether Suggesting is on; stepping over anchors) without its per-keystroke walk. */
function suggestionPlugins(): Plugin[] {
  const plugin = suggestChanges();
  return [
    new Plugin({ ...plugin.spec, props: { handleKeyDown: plugin.spec.props?.handleKeyDown } }),
    suggestionDecorations,
  ];
}

export const Suggesting = Extension.create<SuggestingOptions>({
  name: "suggesting",
  addOptions: () => ({ authorId: "", onRefused: () => undefined }),
  addProseMirrorPlugins() {
    return suggestionPlugins();
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
