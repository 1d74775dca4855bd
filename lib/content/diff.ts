import { diffArrays, type ChangeObject } from "diff";
import type { ContentDocument, ContentNode } from "./document";
import { plainText } from "./text";

// A readable comparison of two versions of a body: blocks are aligned first (so a moved or
// added paragraph is one entry, not a cascade of changes), then the words inside the blocks
// that changed. A run of changed blocks is compared as one text with paragraph breaks as
// tokens, so a split or a merge reads as one added or removed break.

/** A piece of text that both versions have, or only the newer ("added") or older ("removed"). */
export interface DiffSegment {
  op: "same" | "added" | "removed";
  text: string;
}

export type BlockDiff =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  /** A block that is identical in both, in another place: where it was, and where it is now. */
  | { kind: "movedFrom"; text: string }
  | { kind: "movedTo"; text: string }
  /** Changed blocks, word by word; each inner list is one paragraph of the newer version. */
  | { kind: "changed"; paragraphs: DiffSegment[][]; splits: number; merges: number };

/** The break between two paragraphs inside a run of changed blocks. */
const BREAK = "\u2029";
/** Beyond this many token edits a run is shown as removed and added blocks, not word by word. */
const MAX_WORD_EDITS = 4000;
/** Below this share of common words, two runs are different text, not an edited one. */
const MIN_SHARED = 0.35;

/** What a block reads as in a comparison (a label for blocks without text). */
export function blockLabel(node: ContentNode): string {
  const text = plainText({ type: "doc", content: [node] });
  const attr = (name: string) => (typeof node.attrs?.[name] === "string" ? (node.attrs[name] as string) : "");
  if (node.type === "figure") return `[Figure: ${attr("src")}] ${text}`.trim();
  if (node.type === "embed") return `[Embed: ${attr("url") || attr("provider")}]`;
  if (node.type === "horizontalRule") return "[Divider]";
  return text || `[${node.type}]`;
}

/** Two blocks are the same block when they are equal in every detail. */
export const blockKey = (node: ContentNode): string => JSON.stringify(node);

/** Words with the space after them ("one ", "two"), blocks separated by BREAK. */
function tokens(blocks: string[]): string[] {
  return blocks.flatMap((text, i) => [...(i > 0 ? [BREAK] : []), ...(text.match(/\S+\s*|\s+/gu) ?? [])]);
}

const sameWord = (a: string, b: string) => a.trimEnd() === b.trimEnd();

/** Adjacent segments with the same op become one. */
function pushSegment(paragraph: DiffSegment[], op: DiffSegment["op"], text: string) {
  const last = paragraph.at(-1);
  if (last && last.op === op) last.text += text;
  else paragraph.push({ op, text });
}

/**
 * Word-level difference of two texts, each one or more paragraphs; null when they share too
 * little to read as an edit.
 */
export function diffWords(before: string | string[], after: string | string[]): DiffSegment[][] | null {
  const a = tokens(typeof before === "string" ? [before] : before);
  const b = tokens(typeof after === "string" ? [after] : after);
  const changes = diffArrays(a, b, { comparator: sameWord, maxEditLength: MAX_WORD_EDITS });
  if (!changes) return null;
  let shared = 0;
  for (const change of changes) if (!change.added && !change.removed) shared += wordsIn(change.value);
  const total = Math.max(wordsIn(a), wordsIn(b));
  if (total > 0 && shared / total < MIN_SHARED) return null;
  const paragraphs: DiffSegment[][] = [[]];
  for (const change of changes) {
    const op = change.added ? "added" : change.removed ? "removed" : "same";
    for (const token of change.value) {
      const paragraph = paragraphs[paragraphs.length - 1] as DiffSegment[];
      if (token === BREAK) {
        // A break both have, or one only the newer has (a split), starts a paragraph; a removed
        // one (a merge) is shown where it was.
        if (op === "removed") pushSegment(paragraph, "removed", "¶ ");
        else {
          if (op === "added") pushSegment(paragraph, "added", " ¶");
          paragraphs.push([]);
        }
      } else pushSegment(paragraph, op, token);
    }
  }
  return paragraphs.filter((p) => p.length > 0);
}

function wordsIn(list: string[]): number {
  return list.filter((token) => token !== BREAK && token.trim() !== "").length;
}

/** Counts of each key, to find blocks that only moved. */
function counts(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

/** The body of `before` compared with the body of `after`, block by block, in the order of `after`. */
export function diffDocuments(before: ContentDocument, after: ContentDocument): BlockDiff[] {
  const a = before.content ?? [];
  const b = after.content ?? [];
  const aKeys = a.map(blockKey);
  const bKeys = b.map(blockKey);
  const changes: ChangeObject<string[]>[] = diffArrays(aKeys, bKeys);

  // A block removed in one place and added in another, unchanged, moved.
  const removedKeys = counts(changes.filter((c) => c.removed).flatMap((c) => c.value));
  const addedKeys = counts(changes.filter((c) => c.added).flatMap((c) => c.value));
  const movedOut = new Map<string, number>();
  const movedIn = new Map<string, number>();
  for (const [key, n] of removedKeys) {
    const moved = Math.min(n, addedKeys.get(key) ?? 0);
    if (moved > 0) {
      movedOut.set(key, moved);
      movedIn.set(key, moved);
    }
  }
  const take = (map: Map<string, number>, key: string) => {
    const left = map.get(key) ?? 0;
    if (left === 0) return false;
    map.set(key, left - 1);
    return true;
  };

  const result: BlockDiff[] = [];
  let ai = 0;
  let bi = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length > 0 && added.length > 0) {
      const words = diffWords(removed, added);
      if (words) {
        const splits = Math.max(0, added.length - removed.length);
        const merges = Math.max(0, removed.length - added.length);
        result.push({ kind: "changed", paragraphs: words, splits, merges });
        removed = [];
        added = [];
        return;
      }
    }
    for (const text of removed) result.push({ kind: "removed", text });
    for (const text of added) result.push({ kind: "added", text });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    for (const key of change.value) {
      if (change.removed) {
        const node = a[ai++] as ContentNode;
        if (take(movedOut, key)) result.push({ kind: "movedFrom", text: blockLabel(node) });
        else removed.push(blockLabel(node));
      } else if (change.added) {
        const node = b[bi++] as ContentNode;
        if (take(movedIn, key)) {
          flush();
          result.push({ kind: "movedTo", text: blockLabel(node) });
        } else added.push(blockLabel(node));
      } else {
        flush();
        ai++;
        result.push({ kind: "same", text: blockLabel(b[bi++] as ContentNode) });
      }
    }
  }
  flush();
  return result;
}

/** A headline or standfirst that differs: its words marked, or before and after when they share too little. */
export type FieldChange =
  | { field: string; kind: "words"; segments: DiffSegment[] }
  | { field: string; kind: "value"; before: string | null; after: string | null };

export function textChange(field: string, before: string, after: string): FieldChange | null {
  if (before === after) return null;
  const words = diffWords(before, after);
  return words
    ? { field, kind: "words", segments: words.flat() }
    : { field, kind: "value", before: before || null, after: after || null };
}
