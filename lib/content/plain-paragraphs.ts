import { paragraphs, type ContentDocument } from "./document";

/**
 * The body as plain paragraphs, when that is all it holds (no headings, lists, links or
 * emphasis); null otherwise, so a plain-text field never flattens richer content.
 */
export function plainParagraphTexts(document: ContentDocument): string[] | null {
  const texts: string[] = [];
  for (const block of document.content ?? []) {
    if (block.type !== "paragraph") return null;
    let text = "";
    for (const inline of block.content ?? []) {
      if (inline.type !== "text" || (inline.marks ?? []).length > 0) return null;
      text += inline.text ?? "";
    }
    texts.push(text);
  }
  return texts;
}

/** Paragraphs separated by blank lines to a document. */
export function documentFromPlainText(text: string): ContentDocument {
  const parts = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  return paragraphs(parts.length > 0 ? parts : [""]);
}
