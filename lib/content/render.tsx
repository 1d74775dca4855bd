import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import type { ContentDocument } from "./document";
import { contentExtensions } from "./extensions";
import { withoutSuggestions } from "./suggestions";

/**
 * Renders a stored (already validated) document to React elements with the same schema the
 * editor uses: no DOM, no HTML strings, so text always reaches the page as text. Open
 * suggestions are not part of the text yet: it renders as it reads before them.
 */
export function renderDocument(document: ContentDocument): ReactNode {
  return renderToReactElement({ content: withoutSuggestions(document), extensions: contentExtensions });
}
