import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { isAllowedHref } from "./links";
import { Callout } from "./nodes/callout";
import { Embed } from "./nodes/embed";
import { Figure } from "./nodes/figure";
import { PullQuote } from "./nodes/pull-quote";

/**
 * The one Tiptap extension set: the editor uses it in the browser and the server uses it to
 * validate and render documents. Anything not in here is refused on save.
 */
function extensionSet(options: { undoRedo: boolean }): Extensions {
  return [
    StarterKit.configure({
      // Co-editing brings its own undo (per person: yours only).
      ...(options.undoRedo ? {} : { undoRedo: false }),
      heading: { levels: [2, 3] },
      // Pasted <pre> (a command, a transcript, a poem's layout) keeps its lines and spaces.
      codeBlock: { defaultLanguage: null, enableTabIndentation: false },
      code: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedHref(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    PullQuote,
    Figure,
    Embed,
    Callout,
  ];
}

export const contentExtensions: Extensions = extensionSet({ undoRedo: true });

/** The same set for a co-edited body: the collaboration extension does undo and redo. */
export const coEditingExtensions: Extensions = extensionSet({ undoRedo: false });
