import * as Y from "yjs";
import { readSharedDoc, seedSharedDoc, writeSharedDoc } from "@/lib/content/shared-doc";
import { decideSuggestions as decided, listSuggestions, type Suggestion } from "@/lib/content/suggestions";
import type { ContentDocument } from "@/lib/content/document";
import type { Db } from "../db/client";
import { can } from "../auth/permissions";
import { announceStoredText } from "../collab/relay-channel";
import { badRequest, forbidden } from "../errors";
import { canEdit } from "../workflow/machine";
import { sharedDocArticleSelect, storeSharedDoc } from "./shared-text";
import type { SessionUser } from "./users";
import { lockArticle, lockArticleRow, readableBy, type WorkflowEnv } from "./workflow";
import { writeSideStep } from "./workflow-write";

// Suggestions (track changes) are made in the shared document by the editor's Suggesting mode;
// accepting or rejecting them happens here, on the server, so that the timeline says truly
// who decided what: the shared document as stored is changed as the smallest edit, stored
// like any co-edited change (validated, with a revision) and sent to everyone who has the
// article open.

export interface SuggestionDecision {
  articleId: string;
  decision: "accept" | "reject";
  /** The suggestions' ids, or every open one. */
  suggestions: string[] | "all";
}

const MAX_NOTE_ITEMS = 3;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** A line for the timeline: how many, whose, and what the first few were. */
function noteFor(chosen: Suggestion[], names: Map<string, string>): string {
  const authors = [...new Set(chosen.map((s) => names.get(s.authorId) ?? "a former colleague"))];
  const what = chosen.slice(0, MAX_NOTE_ITEMS).map((s) => {
    if (s.inserted && s.deleted) return `“${excerpt(s.deleted)}” → “${excerpt(s.inserted)}”`;
    return s.inserted ? `+ “${excerpt(s.inserted)}”` : `− “${excerpt(s.deleted)}”`;
  });
  const more = chosen.length > MAX_NOTE_ITEMS ? `; and ${chosen.length - MAX_NOTE_ITEMS} more` : "";
  const count = `${chosen.length} ${chosen.length === 1 ? "suggestion" : "suggestions"}`;
  return `${count} by ${authors.join(", ")}: ${what.join("; ")}${more}`;
}

/**
 * Accepts or rejects suggestions in the article's text for `actor`, who must be allowed to
 * edit it now. Refused, with nothing changed, when none of them is open any more.
 */
export async function decideSuggestions(
  db: Db,
  actor: SessionUser,
  input: SuggestionDecision,
  env: WorkflowEnv,
): Promise<{ version: number; decided: number }> {
  return db.$transaction(async (tx) => {
    await lockArticleRow(tx, input.articleId);
    const { article, workflowActor } = readableBy(
      await tx.article.findUnique({ where: { id: input.articleId }, select: sharedDocArticleSelect }),
      actor,
    );
    if (!canEdit(article, workflowActor)) throw forbidden("This article cannot be edited in its current state.");
    const doc = new Y.Doc();
    if (article.sharedState) Y.applyUpdate(doc, new Uint8Array(article.sharedState));
    else
      seedSharedDoc(doc, {
        headline: article.headline,
        standfirst: article.standfirst,
        body: article.body as unknown as ContentDocument,
      });
    const read = readSharedDoc(doc);
    if (!read.ok) throw badRequest(read.error);
    const open = listSuggestions(read.body.document);
    const wanted = input.suggestions === "all" ? null : new Set(input.suggestions);
    const chosen = wanted ? open.filter((s) => wanted.has(s.id)) : open;
    if (chosen.length === 0)
      throw badRequest(
        input.suggestions === "all"
          ? "There are no open suggestions in this article."
          : "That suggestion is no longer open: someone may have accepted or rejected it already.",
      );
    const body = decided(
      read.body.document,
      input.decision,
      chosen.map((s) => s.id),
    );
    writeSharedDoc(doc, { headline: read.headline, standfirst: read.standfirst, body });
    const { version } = await storeSharedDoc(tx, article, doc, actor, env);
    const people = await tx.user.findMany({
      where: { id: { in: [...new Set(chosen.map((s) => s.authorId))] } },
      select: { id: true, displayName: true },
    });
    await writeSideStep(tx, {
      articleId: article.id,
      action: input.decision === "accept" ? "SUGGESTIONS_ACCEPTED" : "SUGGESTIONS_REJECTED",
      status: article.status,
      actor,
      note: noteFor(chosen, new Map(people.map((p) => [p.id, p.displayName]))),
      now: env.now,
      headline: read.headline,
    });
    // Whoever has the article open gets the change when this transaction commits.
    await announceStoredText(tx, article.id);
    return { version, decided: chosen.length };
  });
}

/**
 * An editor's choice per article: hold publishing (now or scheduled) while comment threads
 * are unresolved, or lift the hold. Recorded on the timeline.
 */
export async function setHoldForComments(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; version: number; hold: boolean },
  env: WorkflowEnv,
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const { article } = await lockArticle(tx, actor, input.articleId, input.version, env.timeZone, "details");
    if (!can(actor.role, "article.review"))
      throw forbidden("Only editors can hold publishing until comments are resolved.");
    const updated = await tx.article.update({
      where: { id: article.id },
      data: {
        holdForComments: input.hold,
        version: { increment: 1 },
        updatedById: actor.id,
      },
      select: { version: true, headline: true },
    });
    await writeSideStep(tx, {
      articleId: article.id,
      action: input.hold ? "HOLD_FOR_COMMENTS" : "HOLD_FOR_COMMENTS_LIFTED",
      status: article.status,
      actor,
      note: null,
      now: env.now,
      headline: updated.headline,
    });
    return { version: updated.version };
  });
}
