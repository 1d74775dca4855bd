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

/**
 * The selection as the page shows it now (see caretNow): a Shift+Arrow just pressed may not
 * have reached the editor's state yet. When the page's selection differs, the editor takes it.
 */
export function selectionNow(view: EditorView): Selection {
  const state = view.state;
  const page = view.dom.ownerDocument.getSelection();
  if (!page?.anchorNode || !page.focusNode || !view.dom.contains(page.anchorNode) || !view.dom.contains(page.focusNode))
    return state.selection;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(page.anchorNode, page.anchorOffset);
    head = view.posAtDOM(page.focusNode, page.focusOffset);
  } catch {
    return state.selection;
  }
  const size = state.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return state.selection;
  if (anchor === state.selection.anchor && head === state.selection.head) return state.selection;
  const selection = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
  view.dispatch(state.tr.setSelection(selection));
  return selection;
}
