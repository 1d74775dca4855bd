import type { Mark, MarkType, Node as PmNode, ResolvedPos } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import type { ContentDocument, ContentNode } from "./document";
import { SUGGESTION_ID } from "./marks/suggestion";
import { contentSchema } from "./validate";

// Suggestions (track changes) in an article's body: text marked `insertion` or `deletion`
// (lib/content/marks/suggestion.ts) with an id naming who made it and when. Accepting one
// keeps its insertions and removes its deletions; rejecting does the opposite. Accepting all
// gives exactly the text as if the edits had been typed; rejecting all, exactly the original.

export { SUGGESTION_ID };

/** Zero-width spaces anchor suggestions that add or remove a paragraph break. */
export const ANCHOR = "\u200B";

export function newSuggestionId(authorId: string, now: number = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  return `${authorId}:${now.toString(36)}:${random}`;
}

export function parseSuggestionId(id: unknown): { authorId: string; at: Date } | null {
  if (typeof id !== "string") return null;
  const parts = SUGGESTION_ID.exec(id);
  if (!parts?.[1] || !parts[2]) return null;
  return { authorId: parts[1], at: new Date(parseInt(parts[2], 36)) };
}

export interface Suggestion {
  id: string;
  authorId: string;
  at: string;
  /** Text proposed for insertion ("¶" for a paragraph break) and for removal. */
  inserted: string;
  deleted: string;
}

function suggestionMark(node: ContentNode): { kind: "inserted" | "deleted"; id: string } | null {
  for (const mark of node.marks ?? []) {
    if ((mark.type === "insertion" || mark.type === "deletion") && typeof mark.attrs?.id === "string")
      return { kind: mark.type === "insertion" ? "inserted" : "deleted", id: mark.attrs.id };
  }
  return null;
}

/** Gathers suggestions from marked texts met in reading order. */
function gatherer() {
  const found = new Map<string, Suggestion>();
  return {
    add(mark: { kind: "inserted" | "deleted"; id: string }, text: string) {
      let entry = found.get(mark.id);
      if (!entry) {
        const parsed = parseSuggestionId(mark.id);
        entry = {
          id: mark.id,
          authorId: parsed?.authorId ?? "",
          at: (parsed?.at ?? new Date(0)).toISOString(),
          inserted: "",
          deleted: "",
        };
        found.set(mark.id, entry);
      }
      entry[mark.kind] += text.replaceAll(ANCHOR, "¶");
    },
    list: (): Suggestion[] =>
      [...found.values()].map((s) => ({ ...s, inserted: squeeze(s.inserted), deleted: squeeze(s.deleted) })),
  };
}

/** The body's suggestions in reading order, each with its author, time and text. */
export function listSuggestions(document: ContentDocument): Suggestion[] {
  const gathered = gatherer();
  const visit = (node: ContentNode) => {
    const mark = node.type === "text" ? suggestionMark(node) : null;
    if (mark) gathered.add(mark, node.text ?? "");
    for (const child of node.content ?? []) visit(child);
  };
  visit(document);
  return gathered.list();
}

/** The same for the editor's document (no JSON made: it runs while people type). */
export function suggestionsIn(doc: PmNode): Suggestion[] {
  const gathered = gatherer();
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name === "insertion" ? "inserted" : mark.type.name === "deletion" ? "deleted" : null;
      if (kind && typeof mark.attrs.id === "string") gathered.add({ kind, id: mark.attrs.id }, node.text ?? "");
    }
    return false;
  });
  return gathered.list();
}

/** A paragraph break is anchored on both sides: shown once. */
function squeeze(text: string): string {
  return text.replace(/¶+/g, "¶");
}

export function countSuggestions(document: ContentDocument): number {
  return listSuggestions(document).length;
}

/**
 * A paragraph break between two blocks is part of a suggestion when the text on both sides
 * carries its id: a removed break when both sides are proposed removals, an added break when
 * either side is a proposed insertion (the plugin anchors breaks on zero-width spaces).
 */
function breakKind(before: PmNode | null | undefined, after: PmNode | null | undefined): "inserted" | "deleted" | null {
  const markOf = (node: PmNode | null | undefined) =>
    node?.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
  const a = markOf(before);
  const b = markOf(after);
  if (!a || !b || a.attrs.id !== b.attrs.id) return null;
  return a.type.name === "deletion" && b.type.name === "deletion" ? "deleted" : "inserted";
}

/** The first inline node of the block after the one `$end` (a block's content end) is in, and where it starts. */
function nextBlockStart($end: ResolvedPos): { node: PmNode | null; pos: number } {
  let pos = $end.after();
  let node = $end.doc.resolve(pos).nodeAfter;
  while (node && !node.isInline) {
    node = node.firstChild;
    pos += 1;
  }
  return { node, pos };
}

/**
 * Where the run of `markType` with id `id` starting at `$pos` ends, going on across a
 * paragraph break that belongs to the same suggestion (to just before text it keeps).
 */
function runEnd($pos: ResolvedPos, markType: MarkType, id: unknown): number {
  const dropsBreaks = markType.name === "deletion" ? "deleted" : "inserted";
  let after = $pos.pos + ($pos.nodeAfter?.nodeSize ?? 0);
  for (;;) {
    const $after = $pos.doc.resolve(after);
    const next = $after.nodeAfter;
    if (next) {
      if (markType.isInSet(next.marks)?.attrs.id !== id) return after;
      after += next.nodeSize;
      continue;
    }
    if ($after.depth < 1) return after;
    const cousin = nextBlockStart($after);
    if (breakKind($after.nodeBefore, cousin.node) !== dropsBreaks) return after;
    after = cousin.pos;
    if (!cousin.node || markType.isInSet(cousin.node.marks)?.attrs.id !== id) return after;
  }
}

/** Where the run that starts at `$pos` should start: before the break it belongs to, if one. */
function runStart($pos: ResolvedPos, markType: MarkType): number {
  if ($pos.parentOffset > 0 || $pos.depth < 1 || markType.name !== "insertion") return $pos.pos;
  const blockStart = $pos.before();
  const $prevEnd = $pos.doc.resolve(Math.max(0, blockStart - 1));
  if (!$prevEnd.parent.isTextblock || $prevEnd.pos !== $prevEnd.end()) return $pos.pos;
  return breakKind($prevEnd.nodeBefore, $pos.nodeAfter) === "inserted" ? $prevEnd.pos : $pos.pos;
}

function decideNode(node: PmNode, decision: "accept" | "reject", ids: ReadonlySet<string> | null): PmNode {
  const { insertion, deletion } = contentSchema().marks;
  if (!insertion || !deletion) throw new Error("The schema has no suggestion marks.");
  const [drop, keep] = decision === "accept" ? [deletion, insertion] : [insertion, deletion];
  const chosen = (mark: Mark | undefined) =>
    mark !== undefined && (ids === null || ids.has(String(mark.attrs.id))) ? mark : undefined;
  const tr = new Transform(node);
  node.descendants((child, pos) => {
    if (!child.isInline) return true;
    const dropped = chosen(drop.isInSet(child.marks));
    if (dropped) {
      const mapped = tr.mapping.mapResult(pos);
      if (!mapped.deleted) {
        // The break before is judged on the document as it was (its marks may be gone by now).
        const start = tr.mapping.map(runStart(node.resolve(pos), drop));
        tr.delete(start, runEnd(tr.doc.resolve(mapped.pos), drop, dropped.attrs.id));
      }
      return false;
    }
    if (chosen(keep.isInSet(child.marks))) {
      const mapped = tr.mapping.mapResult(pos);
      if (mapped.deleted) return false;
      const from = mapped.pos;
      tr.removeMark(from, from + child.nodeSize, keep);
      const text = child.text ?? "";
      for (let at = text.lastIndexOf(ANCHOR); at !== -1; at = at === 0 ? -1 : text.lastIndexOf(ANCHOR, at - 1))
        tr.delete(from + at, from + at + 1);
    }
    return false;
  });
  return tr.doc;
}

/**
 * The body with the chosen suggestions (all when `ids` is omitted) accepted or rejected. Ids
 * the body does not have change nothing.
 */
export function decideSuggestions(
  document: ContentDocument,
  decision: "accept" | "reject",
  ids?: readonly string[],
): ContentDocument {
  const node = contentSchema().nodeFromJSON(document);
  return decideNode(node, decision, ids ? new Set(ids) : null).toJSON() as ContentDocument;
}

/** Whether any text in the body is a suggestion (stops at the first). */
export function hasSuggestions(node: ContentNode): boolean {
  if (node.marks?.some((mark) => mark.type === "insertion" || mark.type === "deletion")) return true;
  return node.content?.some(hasSuggestions) ?? false;
}

/** The body as it reads before any open suggestion (what the preview shows). */
export function withoutSuggestions(document: ContentDocument): ContentDocument {
  return hasSuggestions(document) ? decideSuggestions(document, "reject") : document;
}
