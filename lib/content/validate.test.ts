import { describe, expect, it } from "vitest";
import { paragraphs } from "./document";
import { MAX_DOCUMENT_BYTES, validateDocument } from "./validate";

const linkDoc = (href: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] }],
});

describe("document validation", () => {
  it("refuses a document nested thousands of levels deep with a message, without overflowing", () => {
    for (const levels of [1_000, 100_000]) {
      let deep: unknown = { type: "text", text: "bottom" };
      for (let i = 0; i < levels; i += 1) deep = { type: "blockquote", content: [deep] };
      expect(validateDocument({ type: "doc", content: [deep] })).toEqual({
        ok: false,
        error: "The body is nested too deeply (the limit is 20 levels).",
      });
    }
  });

  it("accepts a normal document and derives its plain text", () => {
    const result = validateDocument({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Sub" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Bold", marks: [{ type: "bold" }] },
            { type: "text", text: " words" },
          ],
        },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "item" }] }] }],
        },
      ],
    });
    expect(result).toMatchObject({ ok: true, text: "Sub\n\nBold words\n\nitem" });
  });

  it.each(["https://example.com/a?b=c", "http://example.com", "mailto:desk@example.com"])("allows link %s", (href) => {
    expect(validateDocument(linkDoc(href)).ok).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>",
    "vbscript:x",
    "/relative",
    "//evil.example",
    "ftp://x.example",
    " javascript:alert(1)",
  ])("refuses link %s", (href) => {
    const result = validateDocument(linkDoc(href));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not allowed|does not fit/);
  });

  it.each([
    ["not an object", "hello"],
    ["not a doc", { type: "paragraph" }],
    ["unknown node", { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "x" }] }] }],
    [
      "unknown mark",
      {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "onclick" }] }] }],
      },
    ],
    ["text directly in doc", { type: "doc", content: [{ type: "text", text: "x" }] }],
    ["extra keys", { type: "doc", content: [], html: "<b>x</b>" }],
    [
      "heading level 1",
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }] },
    ],
    [
      "heading level as text",
      { type: "doc", content: [{ type: "heading", attrs: { level: "2" }, content: [{ type: "text", text: "x" }] }] },
    ],
    [
      "list starting at -5",
      {
        type: "doc",
        content: [
          {
            type: "orderedList",
            attrs: { start: -5 },
            content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
          },
        ],
      },
    ],
    ["unknown attribute", { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "alert(1)" } }] }],
    [
      "link with a class",
      {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              {
                type: "text",
                text: "x",
                marks: [{ type: "link", attrs: { href: "https://a.example", class: "overlay" } }],
              },
            ],
          },
        ],
      },
    ],
  ])("refuses %s", (_name, input) => {
    expect(validateDocument(input).ok).toBe(false);
  });

  it("refuses documents over the size limit and says the limit", () => {
    const big = paragraphs(["x".repeat(MAX_DOCUMENT_BYTES)]);
    const result = validateDocument(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`${MAX_DOCUMENT_BYTES / 1024} KB`);
  });

  it("refuses absurd nesting without overflowing the stack", () => {
    let node: Record<string, unknown> = { type: "paragraph" };
    for (let i = 0; i < 5000; i += 1) node = { type: "blockquote", content: [node] };
    expect(validateDocument({ type: "doc", content: [node] }).ok).toBe(false);
  });
});

describe("suggestions in a stored body", () => {
  const marked = (mark: { type: string; attrs?: Record<string, unknown> }, node: Record<string, unknown> = {}) => ({
    type: "doc",
    content: [{ type: "paragraph", ...node, content: [{ type: "text", text: "cut", marks: [mark] }] }],
  });
  const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b:mi2k3x4y:a1b2c3";

  it("keeps insertions and deletions whose id names a person and a time", () => {
    expect(validateDocument(marked({ type: "insertion", attrs: { id } })).ok).toBe(true);
    expect(validateDocument(marked({ type: "deletion", attrs: { id } })).ok).toBe(true);
  });

  it("refuses an id that is not one, and block changes the editor never stores", () => {
    expect(validateDocument(marked({ type: "deletion", attrs: { id: "1" } }))).toEqual({
      ok: false,
      error: 'The deletion has an invalid id: "1".',
    });
    expect(validateDocument(marked({ type: "insertion", attrs: { id: `${id}<script>` } })).ok).toBe(false);
    expect(validateDocument(marked({ type: "modification", attrs: { id, type: "attr" } }))).toEqual({
      ok: false,
      error: "Suggested changes to a block's kind or settings are not supported.",
    });
  });

  it("refuses a suggestion mark on a whole block", () => {
    const result = validateDocument({
      type: "doc",
      content: [
        { type: "paragraph", marks: [{ type: "insertion", attrs: { id } }], content: [{ type: "text", text: "x" }] },
      ],
    });
    expect(result.ok).toBe(false);
  });
});
