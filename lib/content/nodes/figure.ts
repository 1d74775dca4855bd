import { Node } from "@tiptap/core";

/** Images in bodies come from the media library only: /media/<file>. */
export const MEDIA_SRC = /^\/media\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** An image from the media library with its caption, credit and alt text. */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
      width: { default: null },
      height: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-type="figure"]',
        getAttrs: (element) => {
          const img = element.querySelector("img");
          const src = img?.getAttribute("src") ?? "";
          if (!MEDIA_SRC.test(src)) return false;
          return {
            src,
            alt: img?.getAttribute("alt") ?? "",
            caption: element.querySelector(".figure-caption")?.textContent ?? "",
            credit: element.querySelector(".figure-credit")?.textContent?.replace(/^Photo: /, "") ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number | null>;
    return [
      "figure",
      { "data-type": "figure", class: "article-figure" },
      ["img", { src, alt: alt ?? "", loading: "lazy", ...(width && height ? { width, height } : {}) }],
      [
        "figcaption",
        {},
        ["span", { class: "figure-caption" }, String(caption ?? "")],
        ...(credit ? [["span", { class: "figure-credit" }, `Photo: ${credit}`] as const] : []),
      ],
    ];
  },
});
