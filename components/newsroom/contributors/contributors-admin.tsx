"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CONTRIBUTOR_KIND_LABELS } from "@/lib/schemas/contributor";
import { describeError } from "@/trpc/errors";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { Button } from "../../ui/button";
import { FormAlert } from "../../ui/form-alert";
import {
  DeleteContributorDialog,
  MergeContributorDialog,
  stories,
  type ContributorSummary,
} from "./contributor-dialogs";
import { ContributorForm, type ContributorValues } from "./contributor-form";

const EMPTY: ContributorValues = { kind: "PERSON", name: "", bio: "", photoUrl: null };

/**
 * Editors' contributors and agency credits: add one, change one (its address stays), merge a
 * duplicate into another, delete one no story credits.
 */
export function ContributorsAdmin() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.contributor.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [merging, setMerging] = useState<ContributorSummary | null>(null);
  const [deleting, setDeleting] = useState<ContributorSummary | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contributor.list.queryKey() });
  const summary = (c: NonNullable<typeof list.data>[number]): ContributorSummary => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    slug: c.slug,
    credits: c._count.credits,
  });
  const summaries = (list.data ?? []).map(summary);

  return (
    <div className="flex flex-col gap-4">
      <p className="max-w-2xl text-sm text-neutral-700">
        Bylines without a newsroom account: freelancers and guest writers, and agency credits such as “Reuters” or
        “Staff”. Each has a public author page once a published story credits them; anyone in the newsroom can put them
        on a byline.
      </p>
      <p role="status" className="text-sm text-green-900">
        {notice}
      </p>
      {adding ? (
        <section aria-labelledby="add-contributor-heading" className="rounded border border-neutral-300 p-4">
          <h2 id="add-contributor-heading" className="mb-3 text-lg font-semibold">
            Add a contributor
          </h2>
          <ContributorForm
            idPrefix="new-contributor"
            initial={EMPTY}
            submitLabel="Add"
            onCancel={() => setAdding(false)}
            onSave={async (values) => {
              const made = await client.contributor.create.mutate(values);
              setAdding(false);
              setNotice(`Added ${made.name}: /authors/${made.slug}.`);
              await refresh();
            }}
          />
        </section>
      ) : (
        <div>
          <Button type="button" onClick={() => setAdding(true)}>
            Add a contributor
          </Button>
        </div>
      )}
      {list.isPending ? <p>Loading…</p> : null}
      {list.error ? <FormAlert message={describeError(list.error).message} /> : null}
      {list.data && list.data.length === 0 ? <p>No contributors yet.</p> : null}
      <ul className="flex flex-col gap-3">
        {(list.data ?? []).map((c) => (
          <li key={c.id} className="rounded border border-neutral-300 p-3">
            {editing === c.id ? (
              <ContributorForm
                idPrefix={`contributor-${c.id}`}
                initial={{ kind: c.kind, name: c.name, bio: c.bio, photoUrl: c.photoUrl }}
                submitLabel="Save changes"
                onCancel={() => setEditing(null)}
                onSave={async (values) => {
                  const saved = await client.contributor.update.mutate({ id: c.id, ...values });
                  setEditing(null);
                  setNotice(`Saved ${saved.name}.`);
                  await refresh();
                }}
              />
            ) : (
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <h2 className="font-semibold">{c.name}</h2>
                <span className="text-sm text-neutral-700">{CONTRIBUTOR_KIND_LABELS[c.kind]}</span>
                <span className="text-sm text-neutral-700">{stories(c._count.credits)}</span>
                <a href={`/authors/${c.slug}`} className="text-sm underline">
                  /authors/{c.slug}
                </a>
                {c.merged.length > 0 ? (
                  <span className="text-xs text-neutral-700">
                    Also answers at {c.merged.map((m) => `/authors/${m.slug}`).join(", ")}
                  </span>
                ) : null}
                <div className="ml-auto flex flex-wrap gap-2">
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={`Edit ${c.name}`}
                    onClick={() => setEditing(c.id)}
                  >
                    Edit
                  </Button>
                  {summaries.length > 1 ? (
                    <Button
                      type="button"
                      variant="secondary"
                      aria-label={`Merge ${c.name} into another credit`}
                      onClick={() => setMerging(summary(c))}
                    >
                      Merge into…
                    </Button>
                  ) : null}
                  {c._count.credits === 0 ? (
                    <Button
                      type="button"
                      variant="danger"
                      aria-label={`Delete ${c.name}`}
                      onClick={() => setDeleting(summary(c))}
                    >
                      Delete
                    </Button>
                  ) : null}
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {merging ? (
        <MergeContributorDialog
          from={merging}
          others={summaries.filter((s) => s.id !== merging.id)}
          onClose={() => setMerging(null)}
          onDone={async (into, moved) => {
            setMerging(null);
            setNotice(`${merging.name} merged into ${into}: ${stories(moved)} moved.`);
            await refresh();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteContributorDialog
          contributor={deleting}
          onClose={() => setDeleting(null)}
          onDone={async (name) => {
            setDeleting(null);
            setNotice(`Deleted ${name}.`);
            await refresh();
          }}
        />
      ) : null}
    </div>
  );
}
