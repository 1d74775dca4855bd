import { TextSelection, type Selection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/**
 * Where the caret is now. The browser moves the caret itself for some keys (ArrowDown out of a
 * block, for one) and ProseMirror reads the new place on the next selectionchange event, a
 * moment later; a key pressed within that moment would otherwise act on the old place. When
 * the page's caret is somewhere else, the editor's selection is moved there first.
 */
export function caretNow(view: EditorView): Selection {
  const state = view.state;
  const page = view.dom.ownerDocument.getSelection();
  if (!page?.isCollapsed || !page.focusNode || !view.dom.contains(page.focusNode)) return state.selection;
  let pos: number;
  try {
    pos = view.posAtDOM(page.focusNode, page.focusOffset);
  } catch {
    return state.selection;
  }
  if (!state.selection.empty || pos === state.selection.from || pos < 0 || pos > state.doc.content.size)
    return state.selection;
  const moved = TextSelection.near(state.doc.resolve(pos));
  view.dispatch(state.tr.setSelection(moved));
  return moved;
}
