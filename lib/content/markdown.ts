import type { ContentDocument, ContentNode } from "./document";
import { isAllowedHref } from "./links";

type Mark = NonNullable<ContentNode["marks"]>[number];

// Link destinations may hold one level of balanced parentheses, as CommonMark allows.
const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|~~(.+?)~~|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/gu;

/** Inline Markdown (bold, italic, strikethrough, links) to Tiptap text nodes. */
export function inlineNodes(source: string, marks: Mark[] = []): ContentNode[] {
  const nodes: ContentNode[] = [];
  const push = (text: string, extra: Mark[] = []) => {
    if (!text) return;
    const all = [...marks, ...extra];
    nodes.push(all.length > 0 ? { type: "text", text, marks: all } : { type: "text", text });
  };
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    push(source.slice(last, match.index));
    last = match.index + match[0].length;
    const [, , bold, , italic, strike, label, href] = match;
    if (bold !== undefined) nodes.push(...inlineNodes(bold, [...marks, { type: "bold" }]));
    else if (italic !== undefined) nodes.push(...inlineNodes(italic, [...marks, { type: "italic" }]));
    else if (strike !== undefined) nodes.push(...inlineNodes(strike, [...marks, { type: "strike" }]));
    else if (label !== undefined && href !== undefined) {
      // A link to a refused target keeps its words and loses the link.
      if (isAllowedHref(href)) nodes.push(...inlineNodes(label, [...marks, { type: "link", attrs: { href } }]));
      else push(label);
    }
  }
  push(source.slice(last));
  return nodes;
}

function textBlock(type: string, text: string, attrs?: Record<string, unknown>): ContentNode {
  const content = inlineNodes(text.replace(/\s*\n\s*/g, " ").trim());
  return { type, ...(attrs ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) };
}

function listBlock(lines: string[], ordered: boolean): ContentNode {
  return {
    type: ordered ? "orderedList" : "bulletList",
    content: lines.map((line) => ({
      type: "listItem",
      content: [textBlock("paragraph", line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""))],
    })),
  };
}

/**
 * Block Markdown to a Tiptap document: paragraphs, ## and ### headings, > quotes, lists and
 * --- rules. Anything else is kept as paragraph text, never as markup.
 */
export function markdownToDocument(markdown: string): ContentDocument {
  const blocks = markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const content: ContentNode[] = blocks.map((block) => {
    const lines = block.split("\n");
    const heading = /^(#{1,6})\s+(.*)$/s.exec(block);
    if (heading) return textBlock("heading", heading[2] ?? "", { level: (heading[1]?.length ?? 2) <= 2 ? 2 : 3 });
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(block)) return { type: "horizontalRule" };
    if (lines.every((line) => line.startsWith(">"))) {
      const inner = lines.map((line) => line.replace(/^>\s?/, "")).join("\n");
      return { type: "blockquote", content: markdownToDocument(inner).content ?? [] };
    }
    if (lines.every((line) => /^\s*[-*+]\s+/.test(line))) return listBlock(lines, false);
    if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) return listBlock(lines, true);
    return textBlock("paragraph", block);
  });
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
