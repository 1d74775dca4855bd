"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPCClient } from "@/trpc/client";
import type { CommentThread } from "@/trpc/types";
import { anchorRange } from "../../editor/co-editing/anchors";
import { Button } from "../../ui/button";
import { FormAlert } from "../../ui/form-alert";
import { MentionField, mentionedIn, type Person } from "./mention-field";

// Comment threads on the story's words: the composer (under the body, for the words selected
// when "Comment" or Ctrl/Cmd+Alt+M was pressed) and the list of threads, open first.

export interface CommentAnchor {
  anchorStart: string;
  anchorEnd: string;
  quote: string;
}

type Thread = CommentThread;

const POLL_MS = 10_000;
const when = (at: Date) =>
  new Date(at).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** The threads of an article, kept fresh (after each change here, and every few seconds). */
export function useThreads(articleId: string) {
  const client = useTRPCClient();
  const [threads, setThreads] = useState<Thread[]>([]);
  const reload = useCallback(
    () =>
      client.comment.threads
        .query({ articleId })
        .then(setThreads)
        .catch(() => undefined),
    [client, articleId],
  );
  useEffect(() => {
    void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { threads, reload };
}

/** A comment being written: on new words (anchor) or as a reply (threadId). */
function Composer({
  label,
  people,
  submitLabel,
  onSend,
  onCancel,
  initial,
}: {
  label: string;
  people: Person[];
  submitLabel: string;
  onSend: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  /** What the box starts with (a comment being edited). */
  initial?: string;
}) {
  const [body, setBody] = useState(initial ?? "");
  const [picked, setPicked] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(body, mentionedIn(body, picked));
      setBody("");
      setPicked([]);
    } catch (caught) {
      setError(describeError(caught).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <MentionField
        label={label}
        value={body}
        onChange={setBody}
        people={people}
        onPick={(person) => setPicked((current) => [...current, person])}
        onSubmit={() => void send()}
      />
      <FormAlert message={error} />
      <div className="flex gap-2">
        <Button type="button" onClick={() => void send()} disabled={sending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Under the body: "Comment on “…”" for the words just selected. */
export function NewComment({
  articleId,
  anchor,
  people,
  onDone,
}: {
  articleId: string;
  anchor: CommentAnchor;
  people: Person[];
  onDone: (sent: boolean) => void;
}) {
  const client = useTRPCClient();
  return (
    <section aria-label="New comment" className="rounded border border-amber-700 bg-amber-50 p-3 dark:bg-neutral-900">
      <Composer
        label={`Comment on “${anchor.quote.length > 80 ? `${anchor.quote.slice(0, 79)}…` : anchor.quote}”`}
        people={people}
        submitLabel="Comment"
        onSend={async (body, mentions) => {
          await client.comment.open.mutate({ articleId, ...anchor, body, mentions });
          onDone(true);
        }}
        onCancel={() => onDone(false)}
      />
    </section>
  );
}

/** The side panel's list: open threads, then resolved ones. */
export function CommentThreads({
  threads,
  reload,
  people,
  me,
  isEditor,
  editor,
}: {
  threads: Thread[];
  reload: () => Promise<void>;
  people: Person[];
  me: string;
  isEditor: boolean;
  editor: Editor | null;
}) {
  const client = useTRPCClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const open = threads.filter((thread) => !thread.resolvedAt);
  const resolved = threads.filter((thread) => thread.resolvedAt);

  function show(thread: Thread) {
    const range = editor ? anchorRange(editor, thread) : null;
    if (!editor || !range) {
      setNotice(`The words “${thread.quote}” are no longer in the story.`);
      return;
    }
    setNotice(null);
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  }

  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      setNotice(null);
    } catch (caught) {
      setNotice(describeError(caught).message);
    }
    await reload();
  };

  const item = (thread: Thread) => (
    <li key={thread.id} className="flex flex-col gap-2 border-t border-neutral-300 pt-2">
      <button type="button" className="text-left text-sm font-semibold underline" onClick={() => show(thread)}>
        “{thread.quote}”
      </button>
      <ul className="flex flex-col gap-1">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="text-sm">
            <span className="font-semibold">{comment.author.displayName}</span>{" "}
            <span className="text-neutral-700">{when(comment.createdAt)}</span>
            {editing === comment.id && comment.body !== null ? (
              <Composer
                label="Edit your comment"
                initial={comment.body}
                people={people}
                submitLabel="Save"
                onSend={async (body, mentions) => {
                  await client.comment.edit.mutate({ commentId: comment.id, body, mentions });
                  setEditing(null);
                  await reload();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <p className="whitespace-pre-wrap">{comment.body ?? <em className="text-neutral-700">Deleted</em>}</p>
            )}
            {comment.author.id === me && comment.body !== null && editing !== comment.id ? (
              <span className="flex gap-3">
                <button type="button" className="text-xs underline" onClick={() => setEditing(comment.id)}>
                  Edit my comment
                </button>
                <button
                  type="button"
                  className="text-xs underline"
                  onClick={() => void act(client.comment.delete.mutate({ commentId: comment.id }))}
                >
                  Delete my comment
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {thread.resolvedAt ? (
        <p className="text-xs text-neutral-700">Resolved by {thread.resolvedBy?.displayName ?? "someone"}</p>
      ) : (
        <Composer
          label="Reply"
          people={people}
          submitLabel="Reply"
          onSend={async (body, mentions) => {
            await client.comment.reply.mutate({ threadId: thread.id, body, mentions });
            await reload();
          }}
        />
      )}
      {isEditor || thread.createdBy.id === me ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              void act(client.comment.resolve.mutate({ threadId: thread.id, resolved: !thread.resolvedAt }))
            }
          >
            {thread.resolvedAt ? "Reopen" : "Resolve"}
          </Button>
        </div>
      ) : null}
    </li>
  );

  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm">
        {notice ?? ""}
      </p>
      {open.length === 0 ? (
        <p className="text-sm text-neutral-700">
          No open comments. Select words in the story and press Comment (Ctrl+Alt+M).
        </p>
      ) : (
        <ul aria-label="Open comments" className="flex flex-col gap-3">
          {open.map(item)}
        </ul>
      )}
      {resolved.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm">Resolved ({resolved.length})</summary>
          <ul aria-label="Resolved comments" className="mt-2 flex flex-col gap-3">
            {resolved.map(item)}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
