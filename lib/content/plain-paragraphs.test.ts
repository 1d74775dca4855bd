import { describe, expect, it } from "vitest";
import { paragraphs } from "./document";
import { documentFromPlainText, plainParagraphTexts } from "./plain-paragraphs";
import { validateDocument } from "./validate";

describe("plain paragraphs", () => {
  it("round-trips paragraphs through text", () => {
    const doc = documentFromPlainText("First paragraph.\n\nSecond one,\nwrapped.\n\n\n");
    expect(plainParagraphTexts(doc)).toEqual(["First paragraph.", "Second one, wrapped."]);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it("an empty body is one empty paragraph", () => {
    expect(documentFromPlainText("  \n ")).toEqual(paragraphs([""]));
    expect(validateDocument(documentFromPlainText("")).ok).toBe(true);
  });

  it("refuses to flatten richer bodies", () => {
    expect(plainParagraphTexts({ type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "H" }] }] })).toBeNull();
    expect(plainParagraphTexts({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "b", marks: [{ type: "bold" }] }] }] })).toBeNull();
  });
});
