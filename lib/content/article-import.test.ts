import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleImportError, parseArticleMarkdown } from "./article-import";
import { validateDocument } from "./validate";

const sample = readFileSync(path.resolve("prisma/seed/sample-article.md"), "utf8");

describe("importing the sample story", () => {
  const story = parseArticleMarkdown(sample);

  it("reads every front matter field", () => {
    expect(story.headline).toBe("Russia hosts Syria’s new leadership in an attempt to retain its strategic advantages");
    expect(story.standfirst).toBe(
      "Despite the uncomfortable past, the interim government in Damascus has taken a measured approach towards Vladimir Putin's Russia",
    );
    expect(story.section).toBe("World");
    expect(story.tags).toEqual(["Russia", "Syria", "Diplomacy"]);
    expect(story.hero).toEqual({
      image: "sample-hero.jpg",
      caption:
        "Russian Foreign Minister Sergei Lavrov and Syrian Foreign Minister Asaad al-Shaibani hold a joint press conference following their meeting in Moscow",
      credit: "AP",
      alt: "Russian Foreign Minister Sergei Lavrov and Syrian Foreign Minister Asaad al-Shaibani hold a joint press conference following their meeting in Moscow",
    });
  });

  it("keeps every body paragraph, word for word, with curly quotes intact", () => {
    const paragraphs = story.body.content ?? [];
    expect(paragraphs).toHaveLength(18);
    expect(paragraphs.every((p) => p.type === "paragraph")).toBe(true);
    const first = paragraphs[0]?.content?.[0]?.text ?? "";
    expect(first).toMatch(/^In a significant diplomatic engagement, Russian President Vladimir Putin/);
    const last = paragraphs.at(-1)?.content?.[0]?.text ?? "";
    expect(last).toContain("“We are not seeking to erase the past");
  });

  it("produces a document the server accepts", () => {
    const result = validateDocument(story.body);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.text.split("\n\n")).toHaveLength(18);
  });
});

describe("importing other Markdown", () => {
  it("converts headings, quotes, lists, rules and inline marks", () => {
    const doc = parseArticleMarkdown(
      "---\nheadline: Test\n---\n## Sub\n\n> Quoted **bold**\n\n- one\n- two\n\n1. first\n\n---\n\nText with *italic*, ~~struck~~ and [a link](https://example.com).",
    ).body;
    expect(doc.content?.map((n) => n.type)).toEqual([
      "heading",
      "blockquote",
      "bulletList",
      "orderedList",
      "horizontalRule",
      "paragraph",
    ]);
    const para = doc.content?.at(-1)?.content ?? [];
    expect(para.find((n) => n.text === "italic")?.marks).toEqual([{ type: "italic" }]);
    expect(para.find((n) => n.text === "struck")?.marks).toEqual([{ type: "strike" }]);
    expect(para.find((n) => n.text === "a link")?.marks).toEqual([
      { type: "link", attrs: { href: "https://example.com" } },
    ]);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it("keeps raw HTML and script as text, and drops javascript: links but keeps their words", () => {
    const doc = parseArticleMarkdown(
      "---\nheadline: X\n---\n<script>alert(1)</script> and [click](javascript:alert(1))",
    ).body;
    const texts = (doc.content?.[0]?.content ?? []).map((n) => n.text).join("");
    expect(texts).toBe("<script>alert(1)</script> and click");
    expect(JSON.stringify(doc)).not.toContain("javascript:");
  });

  it.each([
    ["no front matter", "Just text"],
    ["bad YAML", "---\nheadline: [unclosed\n---\nBody"],
    ["no headline", "---\nstandfirst: Only this\n---\nBody"],
    ["tags not a list", "---\nheadline: X\ntags: 5\n---\nBody"],
  ])("refuses %s with a clear message", (_name, source) => {
    expect(() => parseArticleMarkdown(source)).toThrow(ArticleImportError);
  });
});
