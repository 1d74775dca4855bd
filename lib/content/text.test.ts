import { describe, expect, it } from "vitest";
import { EMPTY_DOCUMENT, paragraphs, type ContentNode } from "./document";
import { hasTextParagraph, readingMinutes, wordCount } from "./text";

describe("a body with words in it", () => {
  it.each([
    ["the empty document", EMPTY_DOCUMENT, false],
    ["blank paragraphs", paragraphs(["", "   "]), false],
    [
      "only a heading",
      { type: "doc", content: [{ type: "heading", content: [{ type: "text", text: "Title" }] }] },
      false,
    ],
    [
      "only a figure",
      { type: "doc", content: [{ type: "figure", attrs: { src: "/media/a.jpg", caption: "A caption" } }] },
      false,
    ],
    ["one paragraph", paragraphs(["", "Words."]), true],
    [
      "a paragraph in a list",
      {
        type: "doc",
        content: [
          {
            type: "bulletList",
            content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] }],
          },
        ],
      },
      true,
    ],
  ] as [string, ContentNode, boolean][])("%s: %s", (_label, document, expected) => {
    expect(hasTextParagraph(document)).toBe(expected);
  });
});

describe("reading time", () => {
  it("is none for no words, at least a minute for any, 230 words a minute", () => {
    expect(readingMinutes(wordCount(""))).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
  });
});
