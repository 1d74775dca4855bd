import { EditorState, TextSelection } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { contentSchema } from "@/lib/content/validate";
import { caretBlockPlugin } from "./caret-block";

const start = () =>
  EditorState.create({
    schema: contentSchema(),
    doc: contentSchema().nodeFromJSON(paragraphs(["The storm reached the harbour.", "Ferries are cancelled."])),
    plugins: [caretBlockPlugin()],
  });

/** The text of each block marked as the caret's (the class the stylesheet keeps laid out). */
function marked(state: EditorState): string[] {
  const plugin = state.plugins[0];
  const set = plugin?.props.decorations?.call(plugin, state);
  if (!(set instanceof DecorationSet)) return [];
  return set.find().map((decoration) => state.doc.textBetween(decoration.from, decoration.to));
}

describe("the caret's block", () => {
  it("follows the caret, and a paragraph made by Enter is marked in the same change that makes it", () => {
    let state = start();
    const end = state.doc.content.size - 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    expect(marked(state)).toEqual(["Ferries are cancelled."]);
    // Enter at the end, then the first letter: the new paragraph carries the class throughout.
    state = state.apply(state.tr.split(state.selection.from));
    expect(marked(state)).toEqual([""]);
    state = state.apply(state.tr.insertText("M"));
    expect(marked(state)).toEqual(["M"]);
    state = state.apply(state.tr.insertText("eanwhile"));
    expect(marked(state)).toEqual(["Meanwhile"]);
    // Back to the first paragraph.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    expect(marked(state)).toEqual(["The storm reached the harbour."]);
  });

  it("marks the whole top-level block when the caret is inside a nested one", () => {
    const schema = contentSchema();
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] }],
        },
      ],
    });
    const state = EditorState.create({
      schema,
      doc,
      plugins: [caretBlockPlugin()],
      selection: TextSelection.create(doc, 4),
    });
    expect(marked(state)).toEqual(["One"]);
  });
});
