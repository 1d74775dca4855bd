import { EditorState, Plugin, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { yCursorPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { contentSchema } from "@/lib/content/validate";
import { stepPastCaret } from "./caret-stepping";

/** "cut it sharply." with the caret at `head` (anchor `anchor`) and a colleague's caret at `colleague`. */
function state(text: string, head: number, colleague: number | null, anchor = head): EditorState {
  const schema = contentSchema();
  const doc = schema.nodeFromJSON(paragraphs([text]));
  const carets = new Plugin<DecorationSet>({
    key: yCursorPluginKey,
    state: {
      init: (_config, s) =>
        colleague === null
          ? DecorationSet.empty
          : DecorationSet.create(s.doc, [Decoration.widget(colleague, () => document.createElement("span"))]),
      apply: (_tr, previous) => previous,
    },
  });
  const base = EditorState.create({ schema, doc, plugins: [carets] });
  return base.apply(base.tr.setSelection(TextSelection.create(base.doc, anchor, head)));
}

describe("stepping past a colleague's caret", () => {
  // Paragraph text starts at position 1: "cut it sharply." ends at 16.
  it("steps one character left or right when a colleague's caret stands there", () => {
    expect(stepPastCaret(state("cut it sharply.", 15, 15), -1)).toBe(14);
    expect(stepPastCaret(state("cut it sharply.", 15, 14), -1)).toBe(14);
    expect(stepPastCaret(state("cut it sharply.", 7, 8), 1)).toBe(8);
  });

  it("leaves the move to the browser away from carets, at a block's edge and next to a suggestion's anchor", () => {
    expect(stepPastCaret(state("cut it sharply.", 15, null), -1)).toBeNull();
    expect(stepPastCaret(state("cut it sharply.", 15, 4), -1)).toBeNull();
    expect(stepPastCaret(state("cut it sharply.", 1, 1), -1)).toBeNull();
    expect(stepPastCaret(state("cut it sharply.", 16, 16), 1)).toBeNull();
    expect(stepPastCaret(state("cut\u200B it", 5, 5), -1)).toBeNull();
  });

  it("steps over a character outside the Basic Multilingual Plane whole", () => {
    // "a🙂b": the emoji is positions 2–3.
    expect(stepPastCaret(state("a\u{1F642}b", 4, 4), -1)).toBe(2);
    expect(stepPastCaret(state("a\u{1F642}b", 2, 2), 1)).toBe(4);
  });

  it("keeps the selection's anchor: the caller extends a selection with Shift", () => {
    const s = state("cut it sharply.", 15, 15, 16);
    expect(s.selection.anchor).toBe(16);
    expect(stepPastCaret(s, -1)).toBe(14);
  });
});
