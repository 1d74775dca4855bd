import { z } from "zod";

/** A Tiptap (ProseMirror) JSON node, as sent by clients and stored in Article.body. */
export interface ContentNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ContentNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface ContentDocument extends ContentNode {
  type: "doc";
}

const markSchema = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }).strict();

export const contentNodeSchema: z.ZodType<ContentNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(contentNodeSchema).optional(),
      marks: z.array(markSchema).optional(),
      text: z.string().optional(),
    })
    .strict(),
);

export const EMPTY_DOCUMENT: ContentDocument = { type: "doc", content: [{ type: "paragraph" }] };

export function paragraphs(texts: string[]): ContentDocument {
  return {
    type: "doc",
    content: texts.map((text) =>
      text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" },
    ),
  };
}
