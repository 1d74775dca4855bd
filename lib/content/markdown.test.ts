import { describe, expect, it } from "vitest";
import { convertMarkdown, MarkdownTooDeepError } from "./markdown";
import { validateDocument } from "./validate";
import { ADVERSARIAL } from "@/tests/markdown-adversarial";

describe("Markdown import on markdown-it", () => {
  it("converts headings, quotes, lists, rules, marks and links onto the schema", () => {
    const { document, notes } = convertMarkdown(
      "# Title\n\n### Sub\n\n> Quoted **bold**\n\n- one\n- two\n\n3. third\n4. fourth\n\n---\n\nText with *italic*, ~~struck~~, `code` and [a link](https://example.com).  \nNext line.",
    );
    expect(document.content?.map((n) => n.type)).toEqual([
      "heading",
      "heading",
      "blockquote",
      "bulletList",
      "orderedList",
      "horizontalRule",
      "paragraph",
    ]);
    expect(document.content?.[0]?.attrs).toEqual({ level: 2 });
    expect(document.content?.[1]?.attrs).toEqual({ level: 3 });
    expect(document.content?.[4]?.attrs).toEqual({ start: 3 });
    const para = document.content?.at(-1)?.content ?? [];
    expect(para.find((n) => n.text === "italic")?.marks).toEqual([{ type: "italic" }]);
    expect(para.find((n) => n.text === "struck")?.marks).toEqual([{ type: "strike" }]);
    expect(para.find((n) => n.text === "a link")?.marks).toEqual([
      { type: "link", attrs: { href: "https://example.com" } },
    ]);
    expect(para.map((n) => n.text ?? `<${n.type}>`).join("")).toBe(
      "Text with italic, struck, code and a link.<hardBreak>Next line.",
    );
    expect(notes).toEqual([]);
    expect(validateDocument(document).ok).toBe(true);
  });

  it("keeps code as a code block and tables as text, and says what became of the tables", () => {
    const { document, notes } = convertMarkdown(
      "```js\nconst a = 1;\n\nrun(a);\n```\n\n| City | Votes |\n| --- | --- |\n| Harbour | **12** |\n",
    );
    const texts = (document.content ?? []).map((block) => (block.content ?? []).map((n) => n.text ?? "\n").join(""));
    expect(texts).toEqual(["const a = 1;\n\nrun(a);", "City | Votes", "Harbour | 12"]);
    expect(document.content?.[0]).toMatchObject({ type: "codeBlock", attrs: { language: "js" } });
    expect(document.content?.[2]?.content?.find((n) => n.text === "12")?.marks).toEqual([{ type: "bold" }]);
    expect(notes).toEqual(["Tables were imported as one paragraph per row, cells separated by “|”."]);
    expect(validateDocument(document).ok).toBe(true);
  });

  it("makes library images figures and reports any other image instead of dropping it silently", () => {
    const { document, notes } = convertMarkdown(
      "Before ![A harbour](/media/abc-123.jpg) after.\n\n![Chart](https://elsewhere.example/chart.png)",
    );
    expect(document.content?.map((n) => n.type)).toEqual(["paragraph", "figure", "paragraph"]);
    expect(document.content?.[1]?.attrs).toMatchObject({ src: "/media/abc-123.jpg", alt: "A harbour" });
    expect(document.content?.[0]?.content).toEqual([{ type: "text", text: "Before" }]);
    expect(document.content?.[2]?.content).toEqual([{ type: "text", text: "after." }]);
    expect(notes).toEqual([
      "The image “Chart” (https://elsewhere.example/chart.png) was not imported: only images from the media library can be used. Upload it, then insert it from the library.",
    ]);
  });

  it("keeps raw HTML as text and a javascript: link's words without the link", () => {
    const { document, notes } = convertMarkdown("<script>alert(1)</script> and [click](javascript:alert(1))");
    const texts = (document.content?.[0]?.content ?? []).map((n) => n.text).join("");
    expect(texts).toBe("<script>alert(1)</script> and click");
    expect(JSON.stringify(document)).not.toContain("javascript:");
    expect(notes[0]).toMatch(/^The link to “javascript:alert\(1\)” was not kept/);
  });

  it("refuses nesting deeper than the schema allows, with a message, at any depth", () => {
    for (const depth of [19, 1_000, 100_000]) {
      expect(() => convertMarkdown(`${">".repeat(depth)} deep`), `${depth} levels`).toThrow(MarkdownTooDeepError);
    }
    const lists = Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    expect(() => convertMarkdown(lists)).toThrow(/nests quotes or lists too deeply/);
    // Within the limit is fine.
    expect(validateDocument(convertMarkdown(`${">".repeat(5)} fine`).document).ok).toBe(true);
  });

  // A guard against the old quadratic parser (13 minutes for 1 MB), not a speed measurement:
  // bench/markdown-import.ts prints the figures.
  it.each(Object.entries(ADVERSARIAL))("converts 1 MB of %s without hanging", { timeout: 10_000 }, (_name, source) => {
    const { document } = convertMarkdown(source);
    expect(document.type).toBe("doc");
    expect(validateDocument(document).ok || JSON.stringify(document).length > 512 * 1024).toBe(true);
  });
});
