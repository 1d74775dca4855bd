import { describe, expect, it } from "vitest";
import type { ContentDocument, ContentNode } from "./document";
import { diffDocuments, diffWords, type BlockDiff } from "./diff";

const p = (text: string): ContentNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: (string | ContentNode)[]): ContentDocument => ({
  type: "doc",
  content: texts.map((t) => (typeof t === "string" ? p(t) : t)),
});

/** A compact picture of a comparison: "=text", "+text", "-text", ">text" (moved to), "<text" (moved from), "~[-old][+new] rest". */
function show(diff: BlockDiff[]): string[] {
  return diff.map((entry) => {
    switch (entry.kind) {
      case "same":
        return `=${entry.text}`;
      case "added":
        return `+${entry.text}`;
      case "removed":
        return `-${entry.text}`;
      case "movedTo":
        return `>${entry.text}`;
      case "movedFrom":
        return `<${entry.text}`;
      case "changed":
        return `~${entry.paragraphs
          .map((para) =>
            para.map((s) => (s.op === "same" ? s.text : s.op === "added" ? `[+${s.text}]` : `[-${s.text}]`)).join(""),
          )
          .join(" | ")}`;
    }
  });
}

describe("comparing two versions of a body", () => {
  it("marks the one word that changed inside its paragraph", () => {
    const before = doc("The council met on Monday.", "The vote was close.", "Protesters gathered outside.");
    const after = doc("The council met on Tuesday.", "The vote was close.", "Protesters gathered outside.");
    expect(show(diffDocuments(before, after))).toEqual([
      "~The council met on [-Monday.][+Tuesday.]",
      "=The vote was close.",
      "=Protesters gathered outside.",
    ]);
  });

  it("shows a moved paragraph once where it was and once where it is, nothing else changed", () => {
    const before = doc("One.", "Two.", "Three.", "Four.");
    const after = doc("One.", "Three.", "Four.", "Two.");
    expect(show(diffDocuments(before, after))).toEqual(["=One.", "<Two.", "=Three.", "=Four.", ">Two."]);
  });

  it("reads a split paragraph as one added break, every word kept", () => {
    const before = doc("Intro.", "The mayor spoke first. Then the crowd answered.", "End.");
    const after = doc("Intro.", "The mayor spoke first.", "Then the crowd answered.", "End.");
    const diff = diffDocuments(before, after);
    expect(show(diff)).toEqual(["=Intro.", "~The mayor spoke first.[+ ¶] | Then the crowd answered.", "=End."]);
    expect(diff[1]).toMatchObject({ kind: "changed", splits: 1, merges: 0 });
  });

  it("reads a merge as a removed break", () => {
    const before = doc("First half.", "Second half.");
    const after = doc("First half. Second half.");
    const diff = diffDocuments(before, after);
    expect(show(diff)).toEqual(["~First half. [-¶ ]Second half."]);
    expect(diff[0]).toMatchObject({ splits: 0, merges: 1 });
  });

  it("lists added and removed paragraphs as whole blocks", () => {
    const before = doc("Keep.", "Old paragraph about harbours.");
    const after = doc("Keep.", "A new line.", "Entirely unrelated text about trains and weather.");
    expect(show(diffDocuments(before, after))).toEqual([
      "=Keep.",
      "-Old paragraph about harbours.",
      "+A new line.",
      "+Entirely unrelated text about trains and weather.",
    ]);
  });

  it("labels blocks without text and notices a changed caption", () => {
    const figure = (caption: string): ContentNode => ({
      type: "figure",
      attrs: { src: "/media/a.jpg", alt: "Harbour", caption, credit: "" },
    });
    const before = doc("Text.", figure("The harbour at dawn"), { type: "horizontalRule" });
    const after = doc("Text.", figure("The harbour at dusk"), { type: "horizontalRule" });
    expect(show(diffDocuments(before, after))).toEqual([
      "=Text.",
      "~[Figure: /media/a.jpg] The harbour at [-dawn][+dusk]",
      "=[Divider]",
    ]);
  });

  it("finds nothing in identical versions, and everything in an empty one", () => {
    const body = doc("A.", "B.");
    expect(diffDocuments(body, body).every((e) => e.kind === "same")).toBe(true);
    expect(show(diffDocuments(doc(), body))).toEqual(["+A.", "+B."]);
    expect(show(diffDocuments(body, doc()))).toEqual(["-A.", "-B."]);
  });

  it("word diff of short texts (headlines): changed words, spaces kept", () => {
    expect(diffWords("Harbour vote delayed", "Harbour vote passes")).toEqual([
      [
        { op: "same", text: "Harbour vote " },
        { op: "removed", text: "delayed" },
        { op: "added", text: "passes" },
      ],
    ]);
  });
});
