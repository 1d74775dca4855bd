import { describe, expect, it } from "vitest";
import { compareBlocks, copyBlock } from "./compare";
import type { ContentDocument } from "./document";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]): ContentDocument => ({ type: "doc", content: texts.map(p) });
const texts = (d: ContentDocument) => (d.content ?? []).map((n) => n.content?.[0]?.text);

describe("comparing two versions block by block", () => {
  it("marks the blocks only one side has", () => {
    const mine = doc("A", "mine only", "C");
    const theirs = doc("A", "theirs only", "C");
    expect(compareBlocks(mine, theirs)).toEqual([
      { index: 0, text: "A", onlyHere: false },
      { index: 1, text: "mine only", onlyHere: true },
      { index: 2, text: "C", onlyHere: false },
    ]);
  });

  it("labels blocks that have no text", () => {
    const withRule: ContentDocument = { type: "doc", content: [{ type: "horizontalRule" }] };
    expect(compareBlocks(withRule, doc())[0]).toEqual({ index: 0, text: "[Divider]", onlyHere: true });
  });

  it("copies a block after the nearest earlier block both sides share, changing nothing else", () => {
    const theirs = doc("A", "B", "new", "C");
    const mine = doc("A", "typed", "B", "C");
    expect(texts(copyBlock(theirs, 2, mine))).toEqual(["A", "typed", "B", "new", "C"]);
    expect(texts(mine)).toEqual(["A", "typed", "B", "C"]);
  });

  it("copies to the start when no earlier block is shared, and ignores an index out of range", () => {
    const theirs = doc("first", "X");
    const mine = doc("Y");
    expect(texts(copyBlock(theirs, 0, mine))).toEqual(["first", "Y"]);
    expect(copyBlock(theirs, 9, mine)).toBe(mine);
  });
});
