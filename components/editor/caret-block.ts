import { Extension } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

// Paragraphs out of view are not laid out on each keystroke in a long story (content-visibility
// in styles/article-body.css). The paragraph the caret is in is always laid out: a paragraph
// just made by Enter is otherwise skipped until the next frame, and a letter typed into it
// before then (a fast typist on a busy machine) left the browser's caret before that letter,
// so the rest of the word went in front of it ("eanwhile…M"). The class is set in the same
// update that makes the paragraph or moves the caret into it.

const CARET_BLOCK_CLASS = "caret-block";

const key = new PluginKey<DecorationSet>("caretBlock");

/** The top-level block the selection's head is in, marked with CARET_BLOCK_CLASS. */
function caretBlockDecorations(state: EditorState): DecorationSet {
  const $head = state.selection.$head;
  if ($head.depth < 1) return DecorationSet.empty;
  const from = $head.before(1);
  const node = state.doc.child($head.index(0));
  return DecorationSet.create(state.doc, [Decoration.node(from, from + node.nodeSize, { class: CARET_BLOCK_CLASS })]);
}

/** Keeps the caret's block marked through every change and caret move. */
export function caretBlockPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => caretBlockDecorations(state),
      apply: (tr, previous, oldState, newState) => {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const before = oldState.selection.$head;
        const after = newState.selection.$head;
        // The caret moved within its block and nothing changed: the decoration stays.
        if (!tr.docChanged && before.depth >= 1 && after.depth >= 1 && before.before(1) === after.before(1))
          return previous;
        return caretBlockDecorations(newState);
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

export const CaretBlock = Extension.create({
  name: "caretBlock",
  addProseMirrorPlugins: () => [caretBlockPlugin()],
});
