import type { ChainedCommands, Editor, JSONContent } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { TextSelection } from "@tiptap/pm/state";

/**
 * Where the last step of a transaction ended: the position just after what it inserted.
 * (Tiptap's insertContent is one replace step; its map says where the new content ends.)
 */
function insertionEnd(tr: Transaction): number | null {
  const map = tr.mapping.maps[tr.mapping.maps.length - 1];
  let end: number | null = null;
  map?.forEach((_oldStart, _oldEnd, _newStart, newEnd) => {
    end = newEnd;
  });
  return end;
}

/**
 * Makes sure a paragraph follows position `end` (just after an inserted block) and returns
 * the position inside it: the empty paragraph already there, the rest of a paragraph the
 * block split, or a new empty one.
 */
export function paragraphAfter(tr: Transaction, end: number): number {
  const $end = tr.doc.resolve(end);
  // The block split a paragraph: its second half follows, and the caret goes to its start.
  if ($end.parent.isTextblock && $end.parentOffset === 0) return end;
  const next = tr.doc.nodeAt(end);
  if (next?.type.name === "paragraph") return end + 1;
  const paragraph = tr.doc.type.schema.nodes.paragraph;
  if (!paragraph) return end;
  tr.insert(end, paragraph.create());
  return end + 1;
}

/**
 * Gives the text the focus at once. Tiptap's focus() waits for the next frame: keys pressed in
 * between (a fast typist after Escape in the "/" menu, or any typist on a busy machine) went
 * to the page and were lost, as the menu's filter that had the focus is gone by then. Not for
 * a native <dialog> closing, which hands the focus back to what opened it afterwards.
 */
export function focusNow(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.focus();
}

/**
 * A command chain that focuses the editor and goes back to `range` (the selection when a
 * dialog or menu opened) when it still lies within the document.
 */
export function chainAt(editor: Editor, range: { from: number; to: number } | null): ChainedCommands {
  const chain = editor.chain().focus();
  if (range && range.to <= editor.state.doc.content.size) chain.setTextSelection(range);
  return chain;
}

/**
 * Inserts a block at `range` (the selection when its dialog opened) and leaves the caret where
 * writing goes on: in a paragraph after the block (one is added when none follows), so the
 * next keystroke never replaces the block or lands inside it. `caret: "inside"` (a callout,
 * written into at once) keeps the caret in the block and still makes sure a paragraph follows
 * it, so there is a way out.
 */
export function insertBlock(
  editor: Editor,
  range: { from: number; to: number } | null,
  content: JSONContent,
  caret: "after" | "inside" = "after",
): boolean {
  return chainAt(editor, range)
    .insertContent(content)
    .command(({ tr }) => {
      const end = insertionEnd(tr);
      if (end === null) return true;
      const inside = paragraphAfter(tr, end);
      if (caret === "after") tr.setSelection(TextSelection.create(tr.doc, inside)).scrollIntoView();
      return true;
    })
    .run();
}
