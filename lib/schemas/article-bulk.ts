import { z } from "zod";
import { articleIdSchema } from "./article";
import { noteText } from "./workflow";

// Bulk actions on the newsroom list: one change to many selected articles, each article going
// through the same permission and workflow checks as when changed one at a time.

export const MAX_BULK_ARTICLES = 100;

export const BULK_ACTIONS = ["setSection", "addTag", "removeTag", "spike"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  setSection: "Move to section",
  addTag: "Add tag",
  removeTag: "Remove tag",
  spike: "Spike",
};

const tagName = z
  .string({ message: "Name the tag" })
  .trim()
  .min(1, "Name the tag")
  .max(50, "Tags are at most 50 characters");

const ids = z
  .array(articleIdSchema)
  .min(1, "Select at least one article")
  .max(MAX_BULK_ARTICLES, `Select at most ${MAX_BULK_ARTICLES} articles at a time`)
  .refine((list) => new Set(list).size === list.length, "An article is selected twice");

export const bulkActionInput = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("setSection"), ids, sectionId: z.uuid({ message: "Choose a section" }) }),
    z.object({ action: z.literal("addTag"), ids, tag: tagName }),
    z.object({ action: z.literal("removeTag"), ids, tag: tagName }),
    z.object({
      action: z.literal("spike"),
      ids,
      note: noteText.optional(),
    }),
  ],
  { error: "Choose what to do with the selected articles" },
);
export type BulkActionInput = z.infer<typeof bulkActionInput>;

/** What happened to one selected article. */
export type BulkOutcome =
  | { id: string; headline: string | null; ok: true; unchanged: boolean }
  | { id: string; headline: string | null; ok: false; reason: string };
