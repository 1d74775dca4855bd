import { Extension } from "@tiptap/core";
import { Plugin, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { yCursorPluginKey } from "@tiptap/y-tiptap";
import { ANCHOR } from "@/lib/content/suggestions";

// Another person's caret is a widget in the text (a bar with their name). Chromium steps over
// such a widget with a key press of its own: Left or Shift+Left next to a colleague's caret
// did nothing once, so a selection made with the arrows came out a character short. Next to a
// colleague's caret the step is taken here instead, one character per press as anywhere else.

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Where one character to the left (-1) or right (+1) of the selection's head is, when a
 * colleague's caret stands between: null otherwise (the browser moves as usual), and at a
 * block's edge (leaving a paragraph stays the browser's).
 */
export function stepPastCaret(state: EditorState, direction: -1 | 1): number | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection)) return null;
  const { $head } = selection;
  if (!$head.parent.isTextblock) return null;
  let target = $head.pos + direction;
  if (target < $head.start() || target > $head.end()) return null;
  // A character outside the Basic Multilingual Plane is two positions: step over both halves.
  const text = state.doc.textBetween(Math.min($head.pos, target), Math.max($head.pos, target) + 1, "", "");
  if (direction === 1 && text.length === 2 && isLowSurrogate(text.charCodeAt(1))) target += 1;
  if (direction === -1 && isLowSurrogate(text.charCodeAt(0)) && target - 1 >= $head.start()) target -= 1;
  // A suggestion's anchor: the Suggesting plugin steps over those itself.
  if (text.includes(ANCHOR)) return null;
  const carets: unknown = yCursorPluginKey.getState(state);
  if (!carets || typeof carets !== "object" || !("find" in carets)) return null;
  const near = (carets as DecorationSet).find(Math.min($head.pos, target), Math.max($head.pos, target));
  return near.some((decoration) => decoration.from === decoration.to) ? target : null;
}

export const CaretStepping = Extension.create({
  name: "caretStepping",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleKeyDown(view, event) {
            if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return false;
            if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
            // Right-to-left text moves the other way; the browser knows it best there.
            if (getComputedStyle(view.dom).direction === "rtl") return false;
            const { selection } = view.state;
            // Without Shift a selection collapses to its edge: the browser does that.
            if (!event.shiftKey && !selection.empty) return false;
            const target = stepPastCaret(view.state, event.key === "ArrowLeft" ? -1 : 1);
            if (target === null) return false;
            const anchor = event.shiftKey ? selection.anchor : target;
            view.dispatch(
              view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, target)).scrollIntoView(),
            );
            return true;
          },
        },
      }),
    ];
  },
});
