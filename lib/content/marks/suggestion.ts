import { Mark } from "@tiptap/core";

// Suggestions (track changes): text someone proposes to add or remove, kept in the shared
// document as marks until someone accepts or rejects them (lib/content/suggestions.ts). The
// mark names and shapes are those of @handlewithcare/prosemirror-suggest-changes, which turns
// typing in Suggesting mode into them (components/editor/co-editing/suggesting.ts). They are
// never parsed from pasted HTML: only Suggesting mode makes them.

/** A suggestion's id: its author's user id, when (ms since 1970, base 36) and a random part. */
export const SUGGESTION_ID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9a-z]{1,11}):([0-9a-z]{1,8})$/;

const idAttribute = {
  id: {
    default: null,
    parseHTML: () => null,
    renderHTML: (attributes: Record<string, unknown>) => ({ "data-suggestion": String(attributes.id) }),
  },
};

/** Text proposed for insertion. */
export const Insertion = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "deletion modification insertion",
  addAttributes: () => idAttribute,
  renderHTML: ({ HTMLAttributes }) => ["ins", { ...HTMLAttributes, class: "suggestion suggestion-insertion" }, 0],
});

/** Text proposed for removal (still in the document until accepted). */
export const Deletion = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion modification deletion",
  addAttributes: () => idAttribute,
  renderHTML: ({ HTMLAttributes }) => ["del", { ...HTMLAttributes, class: "suggestion suggestion-deletion" }, 0],
});

/**
 * A proposed change of a block's kind or attributes. The suggestion plugin needs the type in
 * the schema; articles never store it (validation refuses it), and the editor refuses a
 * suggestion that would make one, saying to switch to Editing for such changes.
 */
export const Modification = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "deletion insertion",
  addAttributes: () => ({
    ...idAttribute,
    type: { default: null, renderHTML: () => ({}) },
    attrName: { default: null, renderHTML: () => ({}) },
    previousValue: { default: null, renderHTML: () => ({}) },
    newValue: { default: null, renderHTML: () => ({}) },
  }),
  renderHTML: ({ HTMLAttributes }) => ["span", HTMLAttributes, 0],
});
