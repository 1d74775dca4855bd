import { Extension, type Editor } from "@tiptap/core";
import { Plugin, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

// ProseMirror learns of a new browser selection on the (asynchronous) selectionchange event,
// so a key pressed right after selecting can run before it: Shift+Left eight times and then
// Backspace, on a busy machine, deleted seven characters. These read the browser's selection
// directly when it is inside the editor.

/** The browser's selection as document positions, when it is inside the editor. */
function browserSelection(view: EditorView): { anchor: number; head: number } | null {
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || !dom.anchorNode || !dom.focusNode) return null;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
  try {
    return {
      anchor: view.posAtDOM(dom.anchorNode, dom.anchorOffset),
      head: view.posAtDOM(dom.focusNode, dom.focusOffset),
    };
  } catch {
    return null;
  }
}

/** The selection the user sees (for the toolbar's link and shortcuts). */
export function visibleSelection(editor: Editor): { from: number; to: number } {
  const seen = browserSelection(editor.view);
  if (seen && seen.anchor !== seen.head)
    return { from: Math.min(seen.anchor, seen.head), to: Math.max(seen.anchor, seen.head) };
  const { from, to } = editor.state.selection;
  return { from, to };
}

/**
 * Before any key is handled, a text selection the browser has moved but ProseMirror has not yet
 * read is taken over, so Backspace, Enter or a shortcut act on what the user sees. Node
 * selections (a figure) and selections outside text are left as they are.
 */
export const SelectionInStep = Extension.create({
  name: "selectionInStep",
  // Before every other key handler.
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleKeyDown(view, event) {
            if (event.isComposing) return false;
            const { selection, doc } = view.state;
            if (!(selection instanceof TextSelection)) return false;
            const seen = browserSelection(view);
            if (!seen || (seen.anchor === selection.anchor && seen.head === selection.head)) return false;
            if (seen.anchor > doc.content.size || seen.head > doc.content.size) return false;
            const $anchor = doc.resolve(seen.anchor);
            const $head = doc.resolve(seen.head);
            if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return false;
            view.dispatch(view.state.tr.setSelection(new TextSelection($anchor, $head)));
            return false;
          },
        },
      }),
    ];
  },
});
