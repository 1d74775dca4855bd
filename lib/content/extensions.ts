import type { Extensions } from "@tiptap/core";
import { CodeBlock } from "@tiptap/extension-code-block";
import StarterKit from "@tiptap/starter-kit";
import { isAllowedHref } from "./links";
import { Deletion, Insertion, Modification } from "./marks/suggestion";
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
      codeBlock: false,
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
    // Pasted <pre> (a command, a transcript, a poem's layout) keeps its lines and spaces. No
    // formatting inside, but suggestions may be made there as anywhere else.
    CodeBlock.extend({ marks: "insertion deletion" }).configure({ defaultLanguage: null, enableTabIndentation: false }),
    PullQuote,
    Figure,
    Embed,
    Callout,
    Insertion,
    Deletion,
    Modification,
  ];
}

export const contentExtensions: Extensions = extensionSet({ undoRedo: true });

/** The same set for a co-edited body: the collaboration extension does undo and redo. */
export const coEditingExtensions: Extensions = extensionSet({ undoRedo: false });
