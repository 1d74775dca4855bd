import { Node } from "@tiptap/core";

/** A quote lifted from the story, set large, with who said it. */
export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "text*",
  // No formatting; suggestions (lib/content/marks/suggestion.ts) may be made as anywhere else.
  marks: "insertion deletion",
  defining: true,
  addAttributes() {
    return {
      attribution: {
        default: "",
        parseHTML: (element) => element.querySelector("figcaption")?.textContent ?? "",
        renderHTML: () => ({}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-type="pull-quote"]', contentElement: "blockquote" }];
  },
  renderHTML({ node }) {
    const attribution = String(node.attrs.attribution ?? "");
    return [
      "figure",
      { "data-type": "pull-quote", class: "pull-quote" },
      ["blockquote", {}, 0],
      ...(attribution ? [["figcaption", {}, attribution] as const] : []),
    ];
  },
});
