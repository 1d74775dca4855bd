"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { renderDocument } from "@/lib/content/render";
import { plainText } from "@/lib/content/text";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { AskFirstDialog } from "../../ui/ask-first";
import { Button } from "../../ui/button";
import { FormAlert } from "../../ui/form-alert";
import { LiveEntryForm } from "./live-entry-form";

/** An entry named by its opening words, for buttons that act on it. */
const named = (body: ContentDocument) => {
  const text = plainText(body).replace(/\s+/g, " ").trim();
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
  // A new key clears the new-entry form (a fresh editor) once its entry is stored.
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
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
  const refuse = (message: string) => {
    setSaid(null);
    setError(message);
  };
  const onError = (failure: unknown) => refuse(describeError(failure).message);
  const add = useMutation(
    trpc.liveblog.add.mutationOptions({
      onSuccess: async () => {
        // Cleared only once it is stored: nothing typed is lost on a failure.
        setFormKey((key) => key + 1);
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
        <LiveEntryForm
          key={formKey}
          idPrefix="live-entry"
          label="New entry"
          keyEventLabel="Key event line (optional)"
          submitLabel="Add entry"
          busy={add.isPending}
          onEmpty={() => refuse("Write something in the entry first.")}
          onSubmit={(draft) => add.mutate({ articleId, ...draft })}
        >
          <Button type="button" variant="secondary" onClick={() => setEnding(true)}>
            End coverage
          </Button>
        </LiveEntryForm>
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
              <LiveEntryForm
                idPrefix={`edit-${entry.id}`}
                label="Entry text"
                keyEventLabel="Key event line"
                initial={{ body: entry.body, keyEvent: entry.keyEvent }}
                submitLabel="Save entry"
                busy={edit.isPending}
                onEmpty={() => refuse("Write something in the entry first.")}
                onSubmit={(draft) => edit.mutate({ id: entry.id, version: editing.version, ...draft })}
              >
                <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
              </LiveEntryForm>
            ) : (
              <div className="article-body" dir="auto">
                {renderDocument(entry.body)}
              </div>
            )}
            {canEdit && editing?.id !== entry.id ? (
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => setEditing({ id: entry.id, version: entry.version })}
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
