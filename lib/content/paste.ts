/** Elements that never have content, so never nest. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

// A tag runs to the next ">" but never past a "<", so unclosed tags cannot make the scan quadratic.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g;

/**
 * Whether pasted HTML nests elements more than `limit` deep, found by one pass over its tags
 * (no DOM, no recursion), before the editor's parser walks it. Closing tags that match nothing
 * are ignored, as browsers do; the count is an upper bound that a hostile paste cannot evade.
 */
export function htmlNestedDeeperThan(html: string, limit: number): boolean {
  const open: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, rawName] = match;
    const name = (rawName ?? "").toLowerCase();
    if (VOID.has(name) || tag.endsWith("/>")) continue;
    if (closing) {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
      continue;
    }
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}

/**
 * How deep pasted HTML may nest before it is pasted as plain text instead. Pages wrap their
 * text in many layers of <div>; the schema's own limit applies after ProseMirror has dropped
 * those, so this is more generous than MAX_DOCUMENT_DEPTH.
 */
export const MAX_PASTE_DEPTH = 128;

/** Elements that are blocks of their own: a table cell holding one is unwrapped, not made a paragraph. */
const BLOCKS = "p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, table, hr";

function renamed(element: Element, name: string): Element {
  const replacement = element.ownerDocument.createElement(name);
  while (element.firstChild) replacement.append(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/**
 * Pasted HTML (Google Docs, Word, web pages) brought to what the body's schema keeps:
 * `h1` becomes the top heading level a body has (h2) and `h4`–`h6` the lowest (h3); a table
 * becomes its cells' contents in reading order, each cell its own paragraph (or its own
 * paragraphs, when it holds several), so "cell 1" and "cell 2" never run together. `pre`
 * needs nothing: it is a code block in the schema. Runs in the browser (DOMParser).
 */
export function normalizePastedHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const page = parser.parseFromString(html, "text/html");
  for (const heading of page.body.querySelectorAll("h1")) renamed(heading, "h2");
  for (const heading of page.body.querySelectorAll("h4, h5, h6")) renamed(heading, "h3");
  // Innermost tables first, so a table inside a cell is flattened before its cell is.
  for (const table of [...page.body.querySelectorAll("table")].reverse()) {
    const out = page.createDocumentFragment();
    for (const cell of table.querySelectorAll("td, th")) {
      if (cell.closest("table") !== table) continue;
      if (cell.querySelector(BLOCKS)) {
        while (cell.firstChild) out.append(cell.firstChild);
      } else if (cell.textContent?.trim()) {
        const paragraph = page.createElement("p");
        while (cell.firstChild) paragraph.append(cell.firstChild);
        out.append(paragraph);
      }
    }
    table.replaceWith(out);
  }
  return page.body.innerHTML;
}
