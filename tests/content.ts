import type { ContentDocument } from "@/lib/content/document";

/** A text node with optional marks. */
export const t = (text: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: "text",
  text,
  ...(marks ? { marks } : {}),
});

/** One of everything the schema supports. */
export const EVERYTHING: ContentDocument = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [t("Section heading")] },
    { type: "heading", attrs: { level: 3 }, content: [t("Sub heading")] },
    {
      type: "paragraph",
      content: [
        t("bold", [{ type: "bold" }]),
        t(" "),
        t("italic", [{ type: "italic" }]),
        t(" "),
        t("struck", [{ type: "strike" }]),
        t(" "),
        t("link", [{ type: "link", attrs: { href: "https://example.com/a" } }]),
        { type: "hardBreak" },
        t("after break"),
      ],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [t("bullet")] }] }] },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [t("numbered")] }] }],
    },
    { type: "blockquote", content: [{ type: "paragraph", content: [t("quoted")] }] },
    { type: "horizontalRule" },
    {
      type: "pullQuote",
      attrs: { attribution: "Sergei Lavrov" },
      content: [t("Russia is open to reviewing all agreements")],
    },
    {
      type: "figure",
      attrs: {
        src: "/media/sample-hero.jpg",
        alt: "Two ministers",
        caption: "The press conference",
        credit: "AP",
        width: 1600,
        height: 900,
      },
    },
    { type: "embed", attrs: { provider: "youtube", id: "dQw4w9WgXcQ" } },
    {
      type: "callout",
      attrs: { kind: "factbox" },
      content: [{ type: "paragraph", content: [t("Tartus is a naval base.")] }],
    },
  ],
};
