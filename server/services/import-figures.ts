import type { ContentDocument, ContentNode } from "@/lib/content/document";
import type { DbOrTx } from "../db/client";

/**
 * Figures an import made from `![alt](/media/<file>)`: each is checked against the media
 * library. One found there gets its size, and the library's caption, credit and alt text where
 * the Markdown gave none; one that is not there (or has no alt text anywhere) is left out, with
 * a note for the import report saying which.
 */
export async function resolveImportedFigures(
  db: DbOrTx,
  document: ContentDocument,
): Promise<{ document: ContentDocument; notes: string[] }> {
  // Figures sit at the top level or inside quotes and lists; collect them all.
  const all: ContentNode[] = [];
  const stack: ContentNode[] = [document];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "figure") all.push(node);
    stack.push(...(node.content ?? []));
  }
  if (all.length === 0) return { document, notes: [] };
  const fileNames = all.map((figure) => String(figure.attrs?.src ?? "").slice("/media/".length));
  const found = await db.media.findMany({
    where: { fileName: { in: fileNames } },
    select: { fileName: true, width: true, height: true, caption: true, credit: true, alt: true },
  });
  const library = new Map(found.map((item) => [item.fileName, item]));
  const notes: string[] = [];

  const resolve = (node: ContentNode): ContentNode | null => {
    if (node.type !== "figure") {
      if (!node.content) return node;
      const content = node.content.map(resolve).filter((child): child is ContentNode => child !== null);
      return { ...node, content: content.length > 0 ? content : [{ type: "paragraph" }] };
    }
    const src = String(node.attrs?.src ?? "");
    const item = library.get(src.slice("/media/".length));
    const alt = String(node.attrs?.alt ?? "").trim() || item?.alt.trim() || "";
    if (!item) {
      notes.push(`The image ${src.slice(0, 120)} is not in the media library, so it was not imported.`);
      return null;
    }
    if (!alt) {
      notes.push(`The image ${src.slice(0, 120)} has no alt text, so it was not imported: add it from the library.`);
      return null;
    }
    return {
      ...node,
      attrs: {
        ...node.attrs,
        alt: alt.slice(0, 500),
        caption: item.caption.slice(0, 1000),
        credit: item.credit.slice(0, 200),
        width: item.width,
        height: item.height,
      },
    };
  };
  const resolved = resolve(document) as ContentDocument;
  return { document: resolved, notes };
}
