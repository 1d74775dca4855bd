import { suggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { decideSuggestions, listSuggestions } from "@/lib/content/suggestions";
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

describe("a suggested paragraph break taken back", () => {
  const original = paragraphs(["The harbour vote is on Tuesday.", "Councillors meet at noon."]);
  const stateOf = () =>
    EditorState.create({
      schema: contentSchema(),
      doc: contentSchema().nodeFromJSON(original),
      plugins: [suggestChanges()],
    });
  const apply = (s: EditorState, tr: Transaction) => {
    const tracked = suggestionTransaction(tr, s, ME);
    expect(tracked).not.toBeNull();
    return s.apply(tracked!);
  };
  /** Backspace at the start of block `index`: from the end of the block before to its first letter (past an anchor) or its very start. */
  const joinAt = (s: EditorState, index: number, pastAnchor: boolean) => {
    let pos = 0;
    for (let i = 0; i < index; i += 1) pos += s.doc.child(i).nodeSize;
    const first = s.doc.child(index).firstChild;
    return s.tr.delete(pos - 1, pos + 1 + (pastAnchor && first?.text?.startsWith("\u200B") ? 1 : 0));
  };
  const afterVote = 1 + "The harbour vote".length;
  const afterTuesday = 1 + "The harbour vote is on Tuesday.".length;

  it.each([false, true])(
    "Enter and then Backspace leaves no suggestion and the text as it was (past the anchor: %s)",
    (past) => {
      let s = stateOf();
      s = apply(s, s.tr.split(afterVote));
      expect(listSuggestions(s.doc.toJSON() as ContentDocument)).toHaveLength(1);
      s = apply(s, joinAt(s, 1, past));
      expect(s.doc.toJSON()).toEqual(original);
    },
  );

  it("Backspace just after the break (the caret past its anchor) or Delete before the anchor at the end takes it back at once", () => {
    const withBreak = () => {
      const s = stateOf();
      return apply(s, s.tr.split(afterVote));
    };
    let s = withBreak();
    const second = s.doc.child(0).nodeSize + 1;
    s = apply(s, s.tr.delete(second, second + 1));
    expect(s.doc.toJSON()).toEqual(original);
    s = withBreak();
    const firstEnd = s.doc.child(0).nodeSize - 1;
    s = apply(s, s.tr.delete(firstEnd - 1, firstEnd));
    expect(s.doc.toJSON()).toEqual(original);
  });

  it("after a suggested join, Enter at the same place and Backspace again: rejecting all gives the original", () => {
    let s = stateOf();
    s = apply(s, joinAt(s, 1, true));
    s = apply(s, s.tr.split(afterTuesday));
    expect(s.doc.childCount).toBe(3);
    s = apply(s, joinAt(s, 2, true));
    const made = s.doc.toJSON() as ContentDocument;
    expect(listSuggestions(made)).toHaveLength(1);
    expect(decideSuggestions(made, "reject")).toEqual(original);
    expect(decideSuggestions(made, "accept")).toEqual(
      paragraphs(["The harbour vote is on Tuesday.Councillors meet at noon."]),
    );
  });
});
