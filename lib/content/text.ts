import type { ContentNode } from "./document";

function inlineText(node: ContentNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/** Plain text of a document, one text block per paragraph (for search and word counts). */
export function plainText(document: ContentNode): string {
  const blocks: string[] = [];
  const visit = (node: ContentNode) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "pullQuote" || node.type === "codeBlock")
      blocks.push(inlineText(node));
    else if (node.type === "figure" && typeof node.attrs?.caption === "string") blocks.push(node.attrs.caption);
    else node.content?.forEach(visit);
  };
  visit(document);
  return blocks.filter((block) => block.trim() !== "").join("\n\n");
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes at 230 words a minute: at least one for any text, none for no words at all. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}

/** Whether a document has at least one paragraph with words in it (anywhere: in a list, a callout). */
export function hasTextParagraph(document: ContentNode): boolean {
  if (document.type === "paragraph") return inlineText(document).trim() !== "";
  return (document.content ?? []).some(hasTextParagraph);
}
