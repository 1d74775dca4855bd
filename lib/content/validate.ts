import { getSchema } from "@tiptap/core";
import type { Node as PmNode, Schema } from "@tiptap/pm/model";
import { contentNodeSchema, type ContentDocument, type ContentNode } from "./document";
import { contentExtensions } from "./extensions";
import { isAllowedHref } from "./links";
import { plainText } from "./text";

/** The largest body accepted, measured as its JSON text. */
export const MAX_DOCUMENT_BYTES = 512 * 1024;
export const MAX_DOCUMENT_DEPTH = 20;

export type DocumentValidation =
  | { ok: true; document: ContentDocument; text: string }
  | { ok: false; error: string };

let schema: Schema | undefined;
export function contentSchema(): Schema {
  schema ??= getSchema(contentExtensions);
  return schema;
}

function depth(node: ContentNode, level = 1): number {
  if (level > MAX_DOCUMENT_DEPTH) return level;
  return Math.max(level, ...(node.content ?? []).map((child) => depth(child, level + 1)));
}

function badLink(node: PmNode): string | null {
  let problem: string | null = null;
  node.descendants((child) => {
    for (const mark of child.marks) {
      const href: unknown = mark.attrs.href;
      if (mark.type.name === "link" && (typeof href !== "string" || !isAllowedHref(href))) {
        problem = `Link target "${String(href).slice(0, 80)}" is not allowed: use an http, https or mailto address.`;
      }
    }
    return problem === null;
  });
  return problem;
}

/**
 * Checks a client-sent body against the shared schema: known node and mark types only, valid
 * attributes and structure, allowed link targets, bounded size. Returns the normalised
 * document and its plain text, or a message saying what is wrong.
 */
export function validateDocument(input: unknown): DocumentValidation {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
  } catch {
    return { ok: false, error: "The body is not a JSON document." };
  }
  if (size > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: `The body is too large (${Math.ceil(size / 1024)} KB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KB).` };
  }
  const shape = contentNodeSchema.safeParse(input);
  if (!shape.success) return { ok: false, error: "The body is not a valid document." };
  if (shape.data.type !== "doc") return { ok: false, error: 'The body must be a document (type "doc").' };
  if (depth(shape.data) > MAX_DOCUMENT_DEPTH) {
    return { ok: false, error: `The body is nested too deeply (the limit is ${MAX_DOCUMENT_DEPTH} levels).` };
  }
  let node: PmNode;
  try {
    node = contentSchema().nodeFromJSON(shape.data);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid structure";
    return { ok: false, error: `The body does not fit the article schema: ${reason}.` };
  }
  const link = badLink(node);
  if (link) return { ok: false, error: link };
  const document = node.toJSON() as ContentDocument;
  return { ok: true, document, text: plainText(document) };
}
