"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { MergeDialog, type Refusal } from "./merge-dialog";

interface TagRow {
  id: string;
  name: string;
  slug: string;
  stories: number;
  oldSlugs: string[];
}

const stories = (n: number) => `${n} ${n === 1 ? "story" : "stories"}`;

/** Editors' tags: find, rename, merge one into another (old addresses answer 301). */
export function TagsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const list = useQuery(trpc.tag.list.queryOptions({ q }));
  const [notice, setNotice] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [merging, setMerging] = useState<TagRow | null>(null);
  const rows: TagRow[] = list.data ?? [];
  const done = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        role="search"
        aria-label="Tags"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
        }}
      >
        <Field
          id="tag-search"
          label="Find tags"
          value={typed}
          maxLength={50}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      {notice ? (
        <p role="status" className="text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      {list.isPending ? <p>Loading…</p> : null}
      {list.error ? <FormAlert message={describeError(list.error).message} /> : null}
      {list.data && rows.length === 0 ? <p>No tags match.</p> : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Tags{q ? ` matching “${q}”` : ""}</caption>
            <thead>
              <tr className="border-b border-neutral-400">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Address
                </th>
                <th scope="col" className="py-2 pr-4">
                  Stories
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-neutral-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-semibold">
                    {renaming === row.id ? (
                      <RenameTag
                        row={row}
                        onCancel={() => setRenaming(null)}
                        onDone={async (name) => {
                          setRenaming(null);
                          await done(`“${row.name}” is now “${name}”.`);
                        }}
                      />
                    ) : (
                      row.name
                    )}
                  </th>
                  <td className="py-2 pr-4 text-xs">
                    <span className="font-mono">/tags/{row.slug}</span>
                    {row.oldSlugs.length > 0 ? (
                      <span className="block text-neutral-700">
                        Also answers at {row.oldSlugs.map((slug) => `/tags/${slug}`).join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{stories(row.stories)}</td>
                  <td className="py-2">
                    <div className="flex flex-wrap gap-2">
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => setRenaming(row.id)}
                        aria-label={`Rename “${row.name}”`}
                      >
                        Rename
                      </Button>
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => setMerging(row)}
                        aria-label={`Merge “${row.name}” into another tag`}
                      >
                        Merge into…
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {merging ? (
        <MergeTagDialog
          from={merging}
          others={rows.filter((r) => r.id !== merging.id)}
          onClose={() => setMerging(null)}
          onDone={async (into, moved) => {
            setMerging(null);
            await done(`“${merging.name}” merged into “${into}”: ${stories(moved)} moved.`);
          }}
        />
      ) : null}
    </div>
  );
}

function RenameTag({
  row,
  onCancel,
  onDone,
}: {
  row: TagRow;
  onCancel: () => void;
  onDone: (name: string) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState(row.name);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const rename = useMutation(
    trpc.tag.rename.mutationOptions({
      onSuccess: (tag) => onDone(tag.name),
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: row.id, name });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <Field
        id={`rename-tag-${row.id}`}
        label={`New name for “${row.name}”`}
        value={name}
        maxLength={50}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        hint="If the address changes, the old one leads to the new."
        error={refusal?.fieldErrors.name?.[0]}
      />
      <FormAlert message={refusal?.message ?? null} />
      <div className="flex gap-2">
        <Button type="submit" disabled={rename.isPending}>
          Save name
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function MergeTagDialog({
  from,
  others,
  onClose,
  onDone,
}: {
  from: TagRow;
  others: TagRow[];
  onClose: () => void;
  onDone: (into: string, moved: number) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const merge = useMutation(
    trpc.tag.merge.mutationOptions({
      onSuccess: (result) => onDone(result.into.name, result.moved),
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  return (
    <MergeDialog
      id="merge-tag"
      title={`Merge “${from.name}” into another tag`}
      confirmLabel="Merge tags"
      placeholder="Choose a tag"
      missing="Choose the tag to merge into."
      options={others.map((o) => ({ value: o.id, label: `${o.name} (${stories(o.stories)})` }))}
      busy={merge.isPending}
      refusal={refusal}
      onMerge={(intoId) => merge.mutate({ fromId: from.id, intoId })}
      onClose={onClose}
      after={
        others.length === 0 ? (
          <p className="text-sm text-neutral-700">Find the other tag first: only the tags listed can be chosen.</p>
        ) : null
      }
    >
      <p className="text-sm">
        Its {stories(from.stories)} get the tag you choose, /tags/{from.slug} leads to that tag&rsquo;s page, and “
        {from.name}” is gone. This cannot be undone.
      </p>
    </MergeDialog>
  );
}
