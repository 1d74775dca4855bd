import type { IncomingHttpHeaders } from "node:http";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { isAllowedHref } from "@/lib/content/links";
import { SUGGESTION_ID } from "@/lib/content/marks/suggestion";
import { articleIdSchema } from "@/lib/schemas/article";
import { readSessionToken } from "../auth/session-token";
import type { DbOrTx } from "../db/client";
import { can } from "../auth/permissions";
import { loadSessionUser, type SessionUser } from "../services/users";
import { canEdit } from "../workflow/machine";

// Who may open an article's shared document, and how: the same rules as saving (edit), reading
// (read only) or neither. Asked on connect and again while the connection lives.

export type CollabAccess = "edit" | "read" | "none";

/** The signed-in, active user whose session cookie the WebSocket upgrade carried, or null. */
export async function userFromHeaders(db: DbOrTx, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  const cookies = (headers.cookie ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at === -1
        ? { name: part, value: "" }
        : { name: part.slice(0, at), value: decodeURIComponent(part.slice(at + 1)) };
    });
  const session = await readSessionToken({ getAll: () => cookies });
  return loadSessionUser(db, session.userId, session.sessionId);
}

/** What `user` may do with the article's shared document now. */
export async function collabAccess(db: DbOrTx, user: SessionUser, articleId: string): Promise<CollabAccess> {
  if (!articleIdSchema.safeParse(articleId).success) return "none";
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { status: true, authors: { select: { userId: true } } },
  });
  if (!article) return "none";
  const isAuthor = article.authors.some((a) => a.userId === user.id);
  if (!isAuthor && !can(user.role, "article.readAll")) return "none";
  return canEdit(article, { role: user.role, isAuthor }) ? "edit" : "read";
}

/** Node names the shared schema has (the body's XML elements may be nothing else). */
const NODE_NAMES = new Set([
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "horizontalRule",
  "hardBreak",
  "codeBlock",
  "pullQuote",
  "figure",
  "embed",
  "callout",
]);
const MARK_NAMES = new Set(["bold", "italic", "strike", "link", "insertion", "deletion"]);

/** Who sends an update, and whether a suggestion id is already in the document. */
export interface UpdateSender {
  userId: string;
  knowsSuggestion: (id: string) => boolean;
}

/**
 * Why a suggestion mark in an update is refused, or null: its id must be well formed, and a
 * new suggestion must be the sender's own (typing next to someone else's extends theirs).
 */
function refuseSuggestion(value: unknown, sender: UpdateSender | undefined): string | null {
  if (value === null) return null; // a suggestion accepted or rejected: the mark comes off
  const id = typeof value === "object" && "id" in value ? value.id : null;
  const parts = typeof id === "string" ? SUGGESTION_ID.exec(id) : null;
  if (typeof id !== "string" || !parts) return "That suggestion has no valid id.";
  if (sender && parts[1] !== sender.userId && !sender.knowsSuggestion(id))
    return "A suggestion can only be made in your own name.";
  return null;
}

/**
 * A quick look at an incoming update before it is applied: every element it creates must be a
 * node of the schema and every format a mark of it. (The whole document is validated again
 * before anything is stored; this refuses the obviously wrong at once, and tells the sender.)
 * Returns why it is refused, or null.
 */
export function refuseUpdate(update: Uint8Array, sender?: UpdateSender): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return "That is not a document update.";
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement && !NODE_NAMES.has(type.nodeName))
        return `“${type.nodeName.slice(0, 40)}” is not a kind of block an article can have.`;
    } else if (content instanceof Y.ContentFormat) {
      if (!MARK_NAMES.has(content.key))
        return `“${content.key.slice(0, 40)}” is not a kind of formatting articles have.`;
      const value: unknown = content.value;
      if (content.key === "insertion" || content.key === "deletion") {
        const refused = refuseSuggestion(value, sender);
        if (refused) return refused;
      }
      if (content.key === "link" && value !== null) {
        const href = typeof value === "object" && "href" in value ? value.href : null;
        if (typeof href !== "string" || !isAllowedHref(href))
          return "Links may only be http, https or mailto addresses.";
      }
    }
  }
  return null;
}

/** The largest awareness state one client may announce (a name, a colour and a caret). */
const MAX_AWARENESS_STATE = 4096;

/**
 * Why an awareness update (who is here, where their caret is) is refused, or null: every state
 * in it must be small, and name no one but `displayName` (the caret label others see). A
 * browser passes on the states it knows of others too: those the server already holds, as
 * they are (`known`), pass.
 */
export function refuseAwareness(
  update: Uint8Array,
  displayName: string,
  known: (clientId: number) => { clock: number; json: string } | undefined,
): string | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > MAX_AWARENESS_STATE) return "That presence update is too large.";
      const held = known(clientId);
      if (held && clock <= held.clock) continue; // someone else's state, passed on
      if (held && held.json === json) continue;
      const state: unknown = JSON.parse(json);
      if (state === null || typeof state !== "object" || !("user" in state)) continue;
      const user: unknown = state.user;
      if (user === null || typeof user !== "object") return "That presence update is not valid.";
      if ("name" in user && user.name !== displayName) return "A caret can only carry your own name.";
      if ("color" in user && (typeof user.color !== "string" || !/^#[0-9a-f]{6}$/i.test(user.color)))
        return "A caret's colour must be a #rrggbb colour.";
    }
    return null;
  } catch {
    return "That presence update cannot be read.";
  }
}

/** Whether any text in the shared body carries a suggestion with this id. */
export function bodyHasSuggestion(body: Y.XmlFragment | Y.XmlElement, id: string): boolean {
  for (const child of body.toArray()) {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as { attributes?: Record<string, { id?: unknown } | undefined> }[];
      if (delta.some((op) => op.attributes?.insertion?.id === id || op.attributes?.deletion?.id === id)) return true;
    } else if (child instanceof Y.XmlElement && bodyHasSuggestion(child, id)) return true;
  }
  return false;
}
