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
