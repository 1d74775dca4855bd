import { blockKey as key, blockLabel } from "./diff";
import type { ContentDocument } from "./document";

/** One top-level block of a document, for side-by-side comparison. */
export interface ComparedBlock {
  index: number;
  /** The block's readable text (or a label for blocks without text). */
  text: string;
  /** True when the other document has no identical block. */
  onlyHere: boolean;
}

/** The blocks of `doc`, each marked if `other` lacks it. */
export function compareBlocks(doc: ContentDocument, other: ContentDocument): ComparedBlock[] {
  const otherKeys = new Set((other.content ?? []).map(key));
  return (doc.content ?? []).map((node, index) => ({
    index,
    text: blockLabel(node),
    onlyHere: !otherKeys.has(key(node)),
  }));
}

/**
 * A copy of `target` with block `index` of `source` inserted where it belongs: after the
 * nearest earlier block of `source` that `target` also has (at the start if none). Nothing in
 * `target` is removed or changed.
 */
export function copyBlock(source: ContentDocument, index: number, target: ContentDocument): ContentDocument {
  const blocks = source.content ?? [];
  const block = blocks[index];
  if (!block) return target;
  const targetBlocks = [...(target.content ?? [])];
  const targetKeys = targetBlocks.map(key);
  let insertAt = 0;
  for (let i = index - 1; i >= 0; i--) {
    const earlier = blocks[i];
    const found = earlier ? targetKeys.lastIndexOf(key(earlier)) : -1;
    if (found >= 0) {
      insertAt = found + 1;
      break;
    }
  }
  targetBlocks.splice(insertAt, 0, block);
  return { ...target, content: targetBlocks };
}
