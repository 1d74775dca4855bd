import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { ContentDocument } from "./document";
import { contentSchema, validateDocument, type DocumentValidation } from "./validate";

// The shared (Yjs) form of an article's text, for co-editing: the body as an XML fragment the
// editor's collaboration extension binds to, the headline and standfirst as plain texts. The
// server turns it back into the schema's JSON and validates it before anything is stored.

/** The names of the shared types in an article's document. */
export const SHARED = { body: "body", headline: "headline", standfirst: "standfirst" } as const;

export interface SharedText {
  headline: string;
  standfirst: string;
  body: ContentDocument;
}

/** Fills an empty shared document from the working copy (done once per article). */
export function seedSharedDoc(doc: Y.Doc, text: SharedText): void {
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(contentSchema(), text.body, doc.getXmlFragment(SHARED.body));
    doc.getText(SHARED.headline).insert(0, text.headline);
    doc.getText(SHARED.standfirst).insert(0, text.standfirst);
  });
}

/** Replaces a shared text with `to`, changing only what differs (typing, or a save made outside co-editing). */
export function replaceText(text: Y.Text, to: string) {
  const from = text.toString();
  if (from === to) return;
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start += 1;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end += 1;
  text.delete(start, from.length - start - end);
  text.insert(start, to.slice(start, to.length - end));
}

/**
 * Brings a shared document to the article's text as a save outside co-editing wrote it, as
 * the smallest edit: merged with what co-editors have in memory, both changes are kept.
 */
export function writeSharedDoc(doc: Y.Doc, text: SharedText): void {
  const body = contentSchema().nodeFromJSON(text.body);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(SHARED.body), body, { mapping: new Map(), isOMark: new Map() });
    replaceText(doc.getText(SHARED.headline), text.headline);
    replaceText(doc.getText(SHARED.standfirst), text.standfirst);
  });
}

/** Whether the shared document has never been filled. */
export function isUnseeded(doc: Y.Doc): boolean {
  return (
    doc.getXmlFragment(SHARED.body).length === 0 &&
    doc.getText(SHARED.headline).length === 0 &&
    doc.getText(SHARED.standfirst).length === 0
  );
}

/**
 * The shared document as the article's text, the body validated against the shared schema
 * exactly as a save is. Never throws: a document the schema cannot read is reported as invalid.
 */
export function readSharedDoc(
  doc: Y.Doc,
):
  | { ok: true; headline: string; standfirst: string; body: Extract<DocumentValidation, { ok: true }> }
  | { ok: false; error: string } {
  let json: unknown;
  try {
    json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(SHARED.body));
  } catch (error) {
    return {
      ok: false,
      error: `The shared body cannot be read: ${error instanceof Error ? error.message : "unknown"}`,
    };
  }
  const body = validateDocument(json);
  if (!body.ok) return body;
  return {
    ok: true,
    headline: doc.getText(SHARED.headline).toString(),
    standfirst: doc.getText(SHARED.standfirst).toString(),
    body,
  };
}
