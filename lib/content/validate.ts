import { getSchema } from "@tiptap/core";
import type { Node as PmNode, Schema } from "@tiptap/pm/model";
import { contentNodeSchema, type ContentDocument, type ContentNode } from "./document";
import { contentExtensions } from "./extensions";
import { isAllowedHref } from "./links";
import { SUGGESTION_ID } from "./marks/suggestion";
import { CALLOUT_KINDS } from "./nodes/callout";
import { EMBED_PROVIDERS, isEmbedProvider } from "./nodes/embed";
import { MEDIA_SRC } from "./nodes/figure";
import { plainText } from "./text";

/** The largest body accepted, measured as its JSON text. */
export const MAX_DOCUMENT_BYTES = 512 * 1024;
export const MAX_DOCUMENT_DEPTH = 20;

export type DocumentValidation = { ok: true; document: ContentDocument; text: string } | { ok: false; error: string };

let schema: Schema | undefined;
export function contentSchema(): Schema {
  schema ??= getSchema(contentExtensions);
  return schema;
}

/**
 * Whether any node sits deeper than `limit` levels of `content`, checked with a loop (not
 * recursion) before anything else walks the value, so a 100,000-deep input cannot overflow
 * the call stack. Looks only at `content` arrays; other shapes are zod's to refuse.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; level: number }[] = [{ node: value, level: 1 }];
  for (let at = stack.pop(); at; at = stack.pop()) {
    if (at.level > limit) return true;
    const content = at.node !== null && typeof at.node === "object" ? (at.node as { content?: unknown }).content : null;
    if (Array.isArray(content)) for (const child of content) stack.push({ node: child, level: at.level + 1 });
  }
  return false;
}

type AttrRule = (value: unknown) => boolean;
const isNullOrString: AttrRule = (v) => v === null || (typeof v === "string" && v.length <= 200);
const text =
  (max: number): AttrRule =>
  (v) =>
    typeof v === "string" && v.length <= max;
const dimension: AttrRule = (v) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 20_000);

/**
 * Allowed attribute values per node or mark type. ProseMirror checks attribute names but not
 * values, so the values the renderer will use are checked here.
 */
const ATTRIBUTE_RULES: Record<string, Record<string, AttrRule>> = {
  heading: { level: (v) => v === 2 || v === 3 },
  orderedList: {
    start: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100_000,
    type: isNullOrString,
  },
  pullQuote: { attribution: text(200) },
  codeBlock: { language: (v) => v === null || (typeof v === "string" && /^[A-Za-z0-9+#._-]{1,40}$/.test(v)) },
  figure: {
    src: (v) => typeof v === "string" && MEDIA_SRC.test(v),
    alt: text(500),
    caption: text(1000),
    credit: text(200),
    width: dimension,
    height: dimension,
  },
  embed: { provider: isEmbedProvider, id: text(300) },
  callout: { kind: (v) => (CALLOUT_KINDS as readonly unknown[]).includes(v) },
  insertion: { id: (v) => typeof v === "string" && SUGGESTION_ID.test(v) },
  deletion: { id: (v) => typeof v === "string" && SUGGESTION_ID.test(v) },
  link: {
    href: (v) => typeof v === "string" && isAllowedHref(v),
    target: (v) => v === null || v === "_blank",
    rel: isNullOrString,
    class: (v) => v === null,
    title: isNullOrString,
  },
};

/** Checks that need several attributes together. */
const NODE_RULES: Record<string, (attrs: Record<string, unknown>) => string | null> = {
  embed: (attrs) =>
    isEmbedProvider(attrs.provider) && typeof attrs.id === "string" && EMBED_PROVIDERS[attrs.provider].id.test(attrs.id)
      ? null
      : "The embed is not a recognised YouTube, Vimeo, X or Bluesky address.",
  figure: (attrs) => (typeof attrs.alt === "string" && attrs.alt.trim() !== "" ? null : "Every figure needs alt text."),
};

function attributeProblem(kind: string, attrs: Record<string, unknown>): string | null {
  // The suggestion plugin's type for changes to a block's kind or attributes: never stored.
  if (kind === "modification") return "Suggested changes to a block's kind or settings are not supported.";
  const rules = ATTRIBUTE_RULES[kind];
  for (const [name, value] of Object.entries(attrs)) {
    const rule = rules?.[name];
    if (rule && !rule(value)) {
      if (kind === "link" && name === "href") {
        return `Link target "${String(value).slice(0, 80)}" is not allowed: use an http, https or mailto address.`;
      }
      return `The ${kind} has an invalid ${name}: ${JSON.stringify(value)?.slice(0, 40)}.`;
    }
  }
  return NODE_RULES[kind]?.(attrs) ?? null;
}

/** Attribute names the schema does not know (ProseMirror would drop them silently). */
function unknownAttribute(node: ContentNode, schema: Schema): string | null {
  const nodeType = schema.nodes[node.type];
  if (!nodeType) return `The body contains an unknown block or inline type "${node.type.slice(0, 40)}".`;
  for (const name of Object.keys(node.attrs ?? {})) {
    if (!(name in (nodeType.spec.attrs ?? {})))
      return `The ${node.type} has an unknown attribute "${name.slice(0, 40)}".`;
  }
  for (const mark of node.marks ?? []) {
    const markType = schema.marks[mark.type];
    if (!markType) return `The body contains an unknown formatting type "${mark.type.slice(0, 40)}".`;
    for (const name of Object.keys(mark.attrs ?? {})) {
      if (!(name in (markType.spec.attrs ?? {})))
        return `The ${mark.type} has an unknown attribute "${name.slice(0, 40)}".`;
    }
  }
  for (const child of node.content ?? []) {
    const problem = unknownAttribute(child, schema);
    if (problem) return problem;
  }
  return null;
}

function badAttributes(node: PmNode): string | null {
  let problem: string | null = null;
  node.descendants((child) => {
    problem ??= attributeProblem(child.type.name, child.attrs);
    for (const mark of child.marks) problem ??= attributeProblem(mark.type.name, mark.attrs);
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
  if (nestedDeeperThan(input, MAX_DOCUMENT_DEPTH)) {
    return { ok: false, error: `The body is nested too deeply (the limit is ${MAX_DOCUMENT_DEPTH} levels).` };
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
  } catch {
    return { ok: false, error: "The body is not a JSON document." };
  }
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      error: `The body is too large (${Math.ceil(size / 1024)} KB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KB).`,
    };
  }
  const shape = contentNodeSchema.safeParse(input);
  if (!shape.success) return { ok: false, error: "The body is not a valid document." };
  if (shape.data.type !== "doc") return { ok: false, error: 'The body must be a document (type "doc").' };
  const unknown = unknownAttribute(shape.data, contentSchema());
  if (unknown) return { ok: false, error: unknown };
  let node: PmNode;
  try {
    node = contentSchema().nodeFromJSON(shape.data);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid structure";
    return { ok: false, error: `The body does not fit the article schema: ${reason}.` };
  }
  const attributes = badAttributes(node);
  if (attributes) return { ok: false, error: attributes };
  const document = node.toJSON() as ContentDocument;
  return { ok: true, document, text: plainText(document) };
}
