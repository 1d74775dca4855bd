import { Node } from "@tiptap/core";
import { responsiveSources } from "../../media";

/** The body column is at most 48rem wide; narrower screens use the full width. */
export const FIGURE_SIZES = "(min-width: 52rem) 48rem, 100vw";

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
    const img = [
      "img",
      { src, alt: alt ?? "", loading: "lazy", decoding: "async", ...(width && height ? { width, height } : {}) },
    ] as const;
    const sources = responsiveSources(String(src ?? ""), typeof width === "number" ? width : null);
    return [
      "figure",
      { "data-type": "figure", class: "article-figure" },
      sources.length > 0
        ? [
            "picture",
            {},
            ...sources.map((s) => ["source", { type: s.type, srcset: s.srcSet, sizes: FIGURE_SIZES }] as const),
            img,
          ]
        : img,
      [
        "figcaption",
        {},
        ["span", { class: "figure-caption" }, String(caption ?? "")],
        ...(credit ? [["span", { class: "figure-credit" }, `Photo: ${credit}`] as const] : []),
      ],
    ];
  },
});
