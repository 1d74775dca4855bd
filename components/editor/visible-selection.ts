import type { Editor } from "@tiptap/react";

/**
 * The selection the user sees. ProseMirror learns of a new browser selection on the
 * (asynchronous) selectionchange event, so a shortcut pressed right after selecting can run
 * before it: read the browser's selection directly when it is inside the editor.
 */
export function visibleSelection(editor: Editor): { from: number; to: number } {
  const { view } = editor;
  const dom = window.getSelection();
  if (
    dom &&
    dom.rangeCount > 0 &&
    !dom.isCollapsed &&
    dom.anchorNode &&
    dom.focusNode &&
    view.dom.contains(dom.anchorNode) &&
    view.dom.contains(dom.focusNode)
  ) {
    try {
      const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
      return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
    } catch {
      // Fall back to the editor's own selection.
    }
  }
  const { from, to } = editor.state.selection;
  return { from, to };
}
