import type { Editor } from "@tiptap/core";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { fromBase64, toBase64 } from "@/lib/collab/base64";
import { selectionNow } from "../caret";

// Comment anchors: a stretch of the body as Yjs relative positions, which follow the words
// through everyone's edits (the server keeps them with the thread).

interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
}

function bindingOf(editor: Editor): Binding | null {
  const state: unknown = ySyncPluginKey.getState(editor.state);
  if (typeof state !== "object" || state === null || !("binding" in state)) return null;
  const binding = state.binding as Partial<Binding> | null;
  return binding?.doc && binding.type && binding.mapping ? (binding as Binding) : null;
}

/** The selected words as a comment anchor, or null when nothing is selected. */
export function selectionAnchor(editor: Editor): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const binding = bindingOf(editor);
  const { from, to } = selectionNow(editor.view);
  const quote = editor.state.doc.textBetween(from, to, " ").trim();
  if (!binding || from === to || !quote) return null;
  const at = (pos: number) =>
    toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping)));
  return { anchorStart: at(from), anchorEnd: at(to), quote: quote.slice(0, 500) };
}

/** Where a thread's words are now (null when they were deleted). */
export function anchorRange(
  editor: Editor,
  anchor: { anchorStart: string; anchorEnd: string },
): { from: number; to: number } | null {
  const binding = bindingOf(editor);
  if (!binding) return null;
  const at = (text: string) =>
    relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      Y.decodeRelativePosition(fromBase64(text)),
      binding.mapping,
    );
  const from = at(anchor.anchorStart);
  const to = at(anchor.anchorEnd);
  return from !== null && to !== null && to > from ? { from, to } : null;
}
