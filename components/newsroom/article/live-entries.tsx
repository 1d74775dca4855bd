"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MAX_KEY_EVENT_LENGTH } from "@/lib/schemas/liveblog";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { AskFirstDialog } from "../../ui/ask-first";
import { Button } from "../../ui/button";
import { FormAlert } from "../../ui/form-alert";

type Doc = { type: "doc"; content: { type: "paragraph"; content?: { type: "text"; text: string }[] }[] };

/** The text typed, a paragraph per blank-line-separated block, as a document on the shared schema. */
function toDocument(text: string): Doc {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: blocks.map((block) => ({ type: "paragraph", content: [{ type: "text", text: block }] })),
  };
}

/** An entry's text back as typed: its blocks' text, a blank line between them. */
function toText(body: unknown): string {
  const blocks = (body as { content?: { content?: { text?: string }[] }[] }).content ?? [];
  return blocks.map((block) => (block.content ?? []).map((inline) => inline.text ?? "").join("")).join("\n\n");
}

/** An entry named by its opening words, for buttons that act on it. */
const named = (body: unknown) => {
  const text = toText(body).replace(/\s+/g, " ").trim();
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
};

const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(at));

/**
 * A live blog's entries in the workspace: add one (with a key-event line if it is one), edit,
 * pin, delete (asked first), and end the coverage. Entries of a live blog that is published
 * reach readers at once.
 */
export function LiveEntries({
  articleId,
  canEdit,
  timeZone,
}: {
  articleId: string;
  canEdit: boolean;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blog = useQuery(trpc.liveblog.entries.queryOptions({ articleId }));
  const [text, setText] = useState("");
  const [keyEvent, setKeyEvent] = useState("");
  const [editing, setEditing] = useState<{ id: string; version: number; text: string; keyEvent: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; version: number } | null>(null);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.liveblog.entries.queryKey({ articleId }) });
  const done = (message: string) => async () => {
    setError(null);
    setSaid(message);
    await refresh();
  };
  const onError = (failure: unknown) => {
    setSaid(null);
    setError(describeError(failure).message);
  };
  const add = useMutation(
    trpc.liveblog.add.mutationOptions({
      onSuccess: async () => {
        // Cleared only once it is stored: nothing typed is lost on a failure.
        setText("");
        setKeyEvent("");
        await done("Entry added.")();
      },
      onError,
    }),
  );
  const edit = useMutation(
    trpc.liveblog.edit.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        await done("Entry saved.")();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.liveblog.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await done("Entry deleted.")();
      },
      onError: (failure) => {
        setDeleting(null);
        onError(failure);
      },
    }),
  );
  const pin = useMutation(trpc.liveblog.pin.mutationOptions({ onSuccess: done("Pinned entry changed."), onError }));
  const end = useMutation(
    trpc.liveblog.endCoverage.mutationOptions({
      onSuccess: async () => {
        setEnding(false);
        await done("Coverage ended.")();
      },
      onError: (failure) => {
        setEnding(false);
        onError(failure);
      },
    }),
  );
  const ended = blog.data?.coverageEndedAt ?? null;

  return (
    <section
      aria-labelledby="live-entries-heading"
      className="flex flex-col gap-4 rounded border border-neutral-300 p-4"
    >
      <h2 id="live-entries-heading" className="text-lg font-bold">
        Live entries
      </h2>
      {said ? (
        <p role="status" className="text-sm text-green-900">
          {said}
        </p>
      ) : null}
      <FormAlert message={error} />
      {ended ? <p className="text-sm">Coverage ended {clock(ended, timeZone)}: no more entries.</p> : null}
      {canEdit && !ended ? (
        <form
          noValidate
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) {
              setError("Write something in the entry first.");
              return;
            }
            add.mutate({ articleId, body: toDocument(text), keyEvent: keyEvent || null });
          }}
        >
          <label htmlFor="live-entry-text" className="text-sm font-semibold">
            New entry
          </label>
          <textarea
            id="live-entry-text"
            rows={4}
            value={text}
            dir="auto"
            onChange={(event) => setText(event.target.value)}
            className="rounded border border-neutral-500 px-3 py-2"
          />
          <label htmlFor="live-entry-key" className="text-sm font-semibold">
            Key event line (optional)
          </label>
          <input
            id="live-entry-key"
            value={keyEvent}
            maxLength={MAX_KEY_EVENT_LENGTH}
            onChange={(event) => setKeyEvent(event.target.value)}
            className="rounded border border-neutral-500 px-3 py-2"
            aria-describedby="live-entry-key-hint"
          />
          <p id="live-entry-key-hint" className="text-sm text-neutral-700">
            Fill it in to list the entry under Key events at the top of the page.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={add.isPending}>
              Add entry
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEnding(true)}>
              End coverage
            </Button>
          </div>
        </form>
      ) : null}
      {blog.data && blog.data.entries.length === 0 ? <p>No entries yet.</p> : null}
      <ol aria-label="Entries, newest first" className="flex flex-col divide-y divide-neutral-200">
        {(blog.data?.entries ?? []).map((entry) => (
          <li key={entry.id} className="flex flex-col gap-2 py-3">
            <p className="text-sm">
              <span className="font-bold">{clock(entry.createdAt, timeZone)}</span>
              {entry.author ? ` · ${entry.author}` : ""}
              {entry.pinned ? <span className="ml-2 font-semibold text-sky-800">Pinned</span> : null}
              {entry.keyEvent ? <span className="ml-2 font-semibold">Key event: {entry.keyEvent}</span> : null}
            </p>
            {editing?.id === entry.id ? (
              <form
                noValidate
                className="flex flex-col gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  edit.mutate({
                    id: entry.id,
                    version: editing.version,
                    body: toDocument(editing.text),
                    keyEvent: editing.keyEvent || null,
                  });
                }}
              >
                <label htmlFor={`edit-${entry.id}`} className="text-sm font-semibold">
                  Entry text
                </label>
                <textarea
                  id={`edit-${entry.id}`}
                  rows={4}
                  dir="auto"
                  value={editing.text}
                  onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                  className="rounded border border-neutral-500 px-3 py-2"
                />
                <label htmlFor={`edit-key-${entry.id}`} className="text-sm font-semibold">
                  Key event line
                </label>
                <input
                  id={`edit-key-${entry.id}`}
                  value={editing.keyEvent}
                  maxLength={MAX_KEY_EVENT_LENGTH}
                  onChange={(event) => setEditing({ ...editing, keyEvent: event.target.value })}
                  className="rounded border border-neutral-500 px-3 py-2"
                />
                <div className="flex gap-2">
                  <Button type="submit" disabled={edit.isPending}>
                    Save entry
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <p className="whitespace-pre-line" dir="auto">
                {toText(entry.body)}
              </p>
            )}
            {canEdit && editing?.id !== entry.id ? (
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() =>
                    setEditing({
                      id: entry.id,
                      version: entry.version,
                      text: toText(entry.body),
                      keyEvent: entry.keyEvent ?? "",
                    })
                  }
                  aria-label={`Edit the entry ${named(entry.body)}`}
                >
                  Edit
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={pin.isPending}
                  onClick={() => pin.mutate({ id: entry.id, pinned: !entry.pinned })}
                  aria-label={`${entry.pinned ? "Unpin" : "Pin"} the entry ${named(entry.body)}`}
                >
                  {entry.pinned ? "Unpin" : "Pin"}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => setDeleting({ id: entry.id, version: entry.version })}
                  aria-label={`Delete the entry ${named(entry.body)}`}
                >
                  Delete
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {deleting ? (
        <AskFirstDialog
          id="delete-live-entry"
          ask={{
            title: "Delete this entry?",
            text: "It leaves the live blog at once; the newsroom keeps it on record.",
            label: "Delete entry",
          }}
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting)}
        />
      ) : null}
      {ending ? (
        <AskFirstDialog
          id="end-live-coverage"
          ask={{
            title: "End the live coverage?",
            text: "The live blog takes no more entries, and readers see that coverage has ended.",
            label: "End coverage",
          }}
          busy={end.isPending}
          onCancel={() => setEnding(false)}
          onConfirm={() => end.mutate({ articleId })}
        />
      ) : null}
    </section>
  );
}
