import { z } from "zod";
import { articleIdSchema } from "./article";

export const MAX_KEY_EVENT_LENGTH = 120;

const entryIdSchema = z.uuid({ message: "That is not an entry's id" });
const keyEventSchema = z
  .string()
  .trim()
  .max(MAX_KEY_EVENT_LENGTH, `A key event's line is at most ${MAX_KEY_EVENT_LENGTH} characters`)
  .refine((line) => !/[\u0000-\u001f\u007f]/.test(line), "A key event's line cannot hold control characters")
  .nullable()
  .transform((line) => (line ? line : null));

/** The entry's text: a document on the shared schema (validated by the service, as every body). */
const entryBody = z.unknown();

export const addLiveEntryInput = z.object({
  articleId: articleIdSchema,
  body: entryBody,
  keyEvent: keyEventSchema.default(null),
});
export const editLiveEntryInput = z.object({
  id: entryIdSchema,
  version: z.number().int().min(1),
  body: entryBody,
  keyEvent: keyEventSchema,
});
export const liveEntryRefInput = z.object({ id: entryIdSchema, version: z.number().int().min(1) });
export const pinLiveEntryInput = z.object({ id: entryIdSchema, pinned: z.boolean() });
export const liveBlogInput = z.object({ articleId: articleIdSchema });
