import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { anchorRange } from "./anchors";

// The words open comment threads are on, marked in the text (as a shared document's reader
// expects): set from the threads' anchors whenever the list of threads changes, and carried
// along with everyone's edits in between. Only a look: nothing of it is in the document.

const key = new PluginKey<DecorationSet>("commentMarks");

export const CommentMarks = Extension.create({
  name: "commentMarks",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, previous) => {
            const ranges: unknown = tr.getMeta(key);
            if (Array.isArray(ranges))
              return DecorationSet.create(
                tr.doc,
                (ranges as { from: number; to: number }[]).map(({ from, to }) =>
                  Decoration.inline(from, to, { class: "comment-anchor" }),
                ),
              );
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Marks the words of these threads (the open ones) in the editor's text. */
export function showCommentMarks(editor: Editor, threads: { anchorStart: string; anchorEnd: string }[]) {
  const size = editor.state.doc.content.size;
  const ranges = threads
    .map((thread) => anchorRange(editor, thread))
    .filter((range): range is { from: number; to: number } => range !== null && range.to <= size);
  editor.view.dispatch(editor.state.tr.setMeta(key, ranges));
}
