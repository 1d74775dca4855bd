import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type { ContentDocument, ContentNode } from "./document";
import { isAllowedHref } from "./links";
import { MEDIA_SRC } from "./nodes/figure";
import { nestedDeeperThan, MAX_DOCUMENT_DEPTH } from "./validate";

type Mark = NonNullable<ContentNode["marks"]>[number];

/** What a Markdown body became, and what could not come across as it was. */
export interface MarkdownConversion {
  document: ContentDocument;
  /** Plain sentences for the import report (images left out, formatting that has no equivalent). */
  notes: string[];
}

export class MarkdownTooDeepError extends Error {
  constructor() {
    super(
      `The Markdown nests quotes or lists too deeply: an article body allows at most ${MAX_DOCUMENT_DEPTH} levels. Flatten the deepest parts and import again.`,
    );
  }
}

// CommonMark with GitHub's tables and strikethrough (markdown-it's default preset), parsed in
// linear time. Raw HTML stays text (html: false) and nothing is turned into links by guesswork.
// markdown-it stops descending past maxNesting, so a hostile input cannot recurse without end
// (and runs of "[" cost less: each level of nesting is another scan). A block nested that
// deep is already deeper than the schema allows, so it is refused below, never silently cut.
const parser = new MarkdownIt("default", {
  html: false,
  linkify: false,
  typographer: false,
  maxNesting: MAX_DOCUMENT_DEPTH,
});
// Every link target is judged by the same rule as the editor's (isAllowedHref), not markdown-it's.
parser.validateLink = () => true;

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  return (
    x.length === y.length && x.every((mark, i) => mark.type === y[i]?.type && mark.attrs?.href === y[i]?.attrs?.href)
  );
}

/** An inline run: text nodes and hard breaks, or an image that must become a block of its own. */
type Inline = { kind: "node"; node: ContentNode } | { kind: "image"; src: string; alt: string };

function inlineContent(tokens: Token[], notes: string[]): Inline[] {
  const out: Inline[] = [];
  const marks: Mark[] = [];
  // A copy of `marks` for the nodes, made again only after the marks change.
  let current: Mark[] | undefined;
  let changed = false;
  const text = (value: string) => {
    if (!value) return;
    const last = out.at(-1);
    if (changed) {
      current = marks.length > 0 ? [...marks] : undefined;
      changed = false;
    }
    if (last?.kind === "node" && last.node.type === "text" && sameMarks(last.node.marks, current)) {
      last.node.text = `${last.node.text ?? ""}${value}`;
      return;
    }
    out.push({
      kind: "node",
      node: current ? { type: "text", text: value, marks: current } : { type: "text", text: value },
    });
  };
  const open = (mark: Mark) => {
    marks.push(mark);
    changed = true;
  };
  const close = (type: string) => {
    const index = marks.map((mark) => mark.type).lastIndexOf(type);
    if (index >= 0) marks.splice(index, 1);
    changed = true;
  };
  for (const token of tokens) {
    switch (token.type) {
      case "text":
      case "text_special":
      case "html_inline":
        text(token.content);
        break;
      case "code_inline":
        // Article bodies have no code formatting: the code's text is kept as it is.
        text(token.content);
        break;
      case "softbreak":
        text(" ");
        break;
      case "hardbreak":
        out.push({ kind: "node", node: { type: "hardBreak" } });
        break;
      case "strong_open":
        open({ type: "bold" });
        break;
      case "em_open":
        open({ type: "italic" });
        break;
      case "s_open":
        open({ type: "strike" });
        break;
      case "strong_close":
        close("bold");
        break;
      case "em_close":
        close("italic");
        break;
      case "s_close":
        close("strike");
        break;
      case "link_open": {
        const href = String(token.attrGet("href") ?? "");
        // A link to a refused target keeps its words and loses the link.
        if (isAllowedHref(href)) open({ type: "link", attrs: { href } });
        else {
          notes.push(
            `The link to “${href.slice(0, 80)}” was not kept (only http, https and mailto links are); its words were.`,
          );
          open({ type: "refused-link" });
        }
        break;
      }
      case "link_close": {
        const last = [...marks].reverse().find((mark) => mark.type === "link" || mark.type === "refused-link");
        if (last) close(last.type);
        break;
      }
      case "image":
        out.push({ kind: "image", src: String(token.attrGet("src") ?? ""), alt: token.content });
        break;
      default:
        if (token.content) text(token.content);
    }
  }
  // The stand-in mark for a refused link never reaches the document.
  for (const item of out) {
    if (item.kind === "node" && item.node.marks) {
      const kept = item.node.marks.filter((mark) => mark.type !== "refused-link");
      if (kept.length > 0) item.node.marks = kept;
      else delete item.node.marks;
    }
  }
  return out;
}

/** A text block's inline content, with images lifted out into figures after it. */
function textBlocks(type: string, attrs: Record<string, unknown> | undefined, inline: Inline[], notes: string[]) {
  const blocks: ContentNode[] = [];
  let run: ContentNode[] = [];
  const flush = (force: boolean) => {
    // Trim the spaces a lifted-out image leaves at either end.
    const first = run[0];
    if (first?.type === "text") first.text = (first.text ?? "").replace(/^\s+/, "");
    const last = run.at(-1);
    if (last?.type === "text") last.text = (last.text ?? "").replace(/\s+$/, "");
    const content = run.filter((node) => node.type !== "text" || node.text);
    if (content.length > 0 || force)
      blocks.push({ type, ...(attrs ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) });
    run = [];
  };
  for (const item of inline) {
    if (item.kind === "node") {
      run.push(item.node);
      continue;
    }
    flush(false);
    if (MEDIA_SRC.test(item.src)) {
      blocks.push({
        type: "figure",
        attrs: { src: item.src, alt: item.alt, caption: "", credit: "", width: null, height: null },
      });
    } else {
      notes.push(
        `The image “${(item.alt || item.src).slice(0, 80)}” (${item.src.slice(0, 120)}) was not imported: only images from the media library can be used. Upload it, then insert it from the library.`,
      );
    }
  }
  flush(false);
  return blocks;
}

/** A code block, its lines as they are; a fence's language kept when it is a plain name. */
function codeBlock(code: string, info: string): ContentNode {
  const text = code.replace(/\n$/, "");
  const language = info.trim().split(/\s+/)[0] ?? "";
  return {
    type: "codeBlock",
    attrs: { language: /^[A-Za-z0-9+#._-]{1,40}$/.test(language) ? language : null },
    ...(text ? { content: [{ type: "text", text }] } : {}),
  };
}

/** Containers whose schema needs a paragraph first (list items) or some block (quotes). */
function finish(node: ContentNode): ContentNode {
  const content = node.content ?? [];
  if (node.type === "listItem" && content[0]?.type !== "paragraph")
    return { ...node, content: [{ type: "paragraph" }, ...content] };
  if ((node.type === "blockquote" || node.type === "listItem") && content.length === 0)
    return { ...node, content: [{ type: "paragraph" }] };
  return node;
}

/**
 * A Markdown body to a document on the shared schema: paragraphs, headings (level 1 and 2 as
 * 2, deeper as 3), quotes, lists, rules, bold, italic, strikethrough and links. Code keeps its
 * text as plain paragraphs, a table each row as a paragraph of its cells, images from the media
 * library become figures, and what cannot come across is listed in `notes`. Nesting deeper than
 * the schema allows throws MarkdownTooDeepError.
 */
export function convertMarkdown(markdown: string): MarkdownConversion {
  const notes: string[] = [];
  const tokens = parser.parse(markdown, {});
  const root: ContentNode = { type: "doc", content: [] };
  const stack: ContentNode[] = [root];
  const append = (node: ContentNode | ContentNode[]) => {
    const parent = stack.at(-1) ?? root;
    parent.content = [...(parent.content ?? []), ...(Array.isArray(node) ? node : [node])];
  };
  const open = (node: ContentNode) => {
    stack.push({ ...node, content: [] });
    if (stack.length > MAX_DOCUMENT_DEPTH + 1) throw new MarkdownTooDeepError();
  };
  const closeBlock = () => {
    const node = stack.pop();
    if (node) append(finish(node));
  };
  let pending: { type: string; attrs?: Record<string, unknown> } | null = null;
  let row: Inline[][] | null = null;
  let tableNoted = false;

  for (const token of tokens) {
    switch (token.type) {
      case "paragraph_open":
        pending = { type: "paragraph" };
        break;
      case "heading_open":
        pending = { type: "heading", attrs: { level: token.tag === "h1" || token.tag === "h2" ? 2 : 3 } };
        break;
      case "inline": {
        const inline = inlineContent(token.children ?? [], notes);
        if (row) {
          row.push(inline);
        } else if (pending) {
          append(textBlocks(pending.type, pending.attrs, inline, notes));
          pending = null;
        }
        break;
      }
      case "paragraph_close":
      case "heading_close":
        pending = null;
        break;
      case "blockquote_open":
        open({ type: "blockquote" });
        break;
      case "bullet_list_open":
        open({ type: "bulletList" });
        break;
      case "ordered_list_open": {
        const start = Number(token.attrGet("start") ?? "1");
        open({
          type: "orderedList",
          attrs: { start: Number.isInteger(start) && start >= 1 && start <= 100_000 ? start : 1 },
        });
        break;
      }
      case "list_item_open":
        open({ type: "listItem" });
        break;
      case "blockquote_close":
      case "bullet_list_close":
      case "ordered_list_close":
      case "list_item_close":
        closeBlock();
        break;
      case "hr":
        append({ type: "horizontalRule" });
        break;
      case "code_block":
      case "fence":
        append(codeBlock(token.content, token.info));
        break;
      case "table_open":
        if (!tableNoted) notes.push("Tables were imported as one paragraph per row, cells separated by “|”.");
        tableNoted = true;
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close": {
        const cells = row ?? [];
        row = null;
        const joined: Inline[] = [];
        cells.forEach((cell, index) => {
          if (index > 0) joined.push({ kind: "node", node: { type: "text", text: " | " } });
          joined.push(...cell);
        });
        append(textBlocks("paragraph", undefined, joined, notes));
        break;
      }
      default:
        break;
    }
  }
  while (stack.length > 1) closeBlock();
  const content = root.content ?? [];
  const document: ContentDocument = { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
  if (nestedDeeperThan(document, MAX_DOCUMENT_DEPTH)) throw new MarkdownTooDeepError();
  return { document, notes };
}

/** The document alone, for callers that have no report to show (the demo seed). */
export function markdownToDocument(markdown: string): ContentDocument {
  return convertMarkdown(markdown).document;
}
