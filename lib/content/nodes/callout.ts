import { Node } from "@tiptap/core";

export const CALLOUT_KINDS = ["note", "factbox"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];
export const CALLOUT_LABELS: Record<CalloutKind, string> = { note: "Editor's note", factbox: "Fact box" };

/** An editor's note or a fact box set apart from the story. */
export const Callout = Node.create({
  name: "callout",
  group: "block",
  content: "paragraph+",
  defining: true,
  addAttributes() {
    return {
      kind: {
        default: "note",
        parseHTML: (element) => element.getAttribute("data-kind") ?? "note",
        renderHTML: (attrs) => ({ "data-kind": attrs.kind }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'aside[data-type="callout"]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const kind = (CALLOUT_KINDS as readonly string[]).includes(String(node.attrs.kind))
      ? (node.attrs.kind as CalloutKind)
      : "note";
    return [
      "aside",
      {
        ...HTMLAttributes,
        "data-type": "callout",
        class: `callout callout-${kind}`,
        "aria-label": CALLOUT_LABELS[kind],
      },
      ["p", { class: "callout-label" }, CALLOUT_LABELS[kind]],
      ["div", { class: "callout-body" }, 0],
    ];
  },
});
