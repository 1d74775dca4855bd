import { z } from "zod";
import { articleIdSchema } from "./article";

// Comments on an article's text (server/services/comments.ts): what a client may send.

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_QUOTE_LENGTH = 500;
export const MAX_MENTIONS = 10;

const commentBody = z
  .string()
  .trim()
  .min(1, "Write a comment first")
  .max(MAX_COMMENT_LENGTH, `A comment is at most ${MAX_COMMENT_LENGTH} characters`);
const mentions = z
  .array(z.uuid({ message: "Unknown person mentioned" }))
  .max(MAX_MENTIONS, `At most ${MAX_MENTIONS} people can be mentioned in one comment`)
  .default([]);
/** A Yjs relative position in the shared body, encoded (base64). */
const anchor = z
  .string()
  .max(400, "Not a place in the text")
  .regex(/^[A-Za-z0-9+/]+=*$/, "Not a place in the text");
const threadId = z.uuid({ message: "Not a valid comment thread" });
const commentId = z.uuid({ message: "Not a valid comment" });

export const listThreadsInput = z.object({ articleId: articleIdSchema });
export const openThreadInput = z.object({
  articleId: articleIdSchema,
  anchorStart: anchor,
  anchorEnd: anchor,
  quote: z
    .string()
    .trim()
    .min(1, "Select the words the comment is about")
    .max(MAX_QUOTE_LENGTH, `Comment on at most ${MAX_QUOTE_LENGTH} characters at a time`),
  body: commentBody,
  mentions,
});
export const replyInput = z.object({ threadId, body: commentBody, mentions });
export const editCommentInput = z.object({ commentId, body: commentBody, mentions });
export const deleteCommentInput = z.object({ commentId });
export const resolveThreadInput = z.object({ threadId, resolved: z.boolean() });

export type OpenThreadInput = z.infer<typeof openThreadInput>;
