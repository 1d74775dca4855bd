import { suggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { listSuggestions } from "@/lib/content/suggestions";
import { contentSchema } from "@/lib/content/validate";
import type { ContentDocument } from "@/lib/content/document";
import { suggestionTransaction } from "./suggesting";

const ME = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const state = () =>
  EditorState.create({
    schema: contentSchema(),
    doc: contentSchema().nodeFromJSON(paragraphs(["The council voted.", "Then it rained."])),
    plugins: [suggestChanges()],
  });

describe("Suggesting mode", () => {
  it("turns typing, deleting and a paragraph break into suggestions in the person's name", () => {
    let s = state();
    for (const make of [
      (x: EditorState) => x.tr.insertText(" city", 4),
      (x: EditorState) => x.tr.delete(x.doc.content.size - 8, x.doc.content.size - 2),
      (x: EditorState) => x.tr.split(5),
    ]) {
      const tracked = suggestionTransaction(make(s), s, ME);
      expect(tracked).not.toBeNull();
      s = s.apply(tracked!);
    }
    const open = listSuggestions(s.doc.toJSON() as ContentDocument);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(new Set(open.map((x) => x.authorId))).toEqual(new Set([ME]));
    // Nothing is gone from the text: the deleted words are still there, marked.
    expect(s.doc.textContent).toContain("rained");
  });

  it("refuses what a suggestion cannot carry: a block's kind, a new block, a list", () => {
    const s = state();
    const heading = s.tr.setBlockType(1, 2, contentSchema().nodes.heading!, { level: 2 });
    expect(suggestionTransaction(heading, s, ME)).toBeNull();
    const rule = s.tr.insert(0, contentSchema().nodes.horizontalRule!.create());
    expect(suggestionTransaction(rule, s, ME)).toBeNull();
  });
});
