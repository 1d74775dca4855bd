"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CONTRIBUTOR_KIND_LABELS, type ContributorKindName } from "@/lib/schemas/contributor";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { FormAlert } from "../../ui/form-alert";
import { MergeDialog, type Refusal } from "../merge-dialog";

export interface ContributorSummary {
  id: string;
  kind: ContributorKindName;
  name: string;
  slug: string;
  credits: number;
}

export const stories = (n: number) => `${n} ${n === 1 ? "story" : "stories"}`;

/** Merges a duplicate credit into another: its bylines and its address go to the other. */
export function MergeContributorDialog({
  from,
  others,
  onClose,
  onDone,
}: {
  from: ContributorSummary;
  others: ContributorSummary[];
  onClose: () => void;
  onDone: (into: string, moved: number) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const merge = useMutation(
    trpc.contributor.merge.mutationOptions({
      onSuccess: (result) => onDone(result.into.name, result.moved),
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  return (
    <MergeDialog
      id="merge-contributor"
      title={`Merge “${from.name}” into another credit`}
      confirmLabel="Merge"
      placeholder="Choose a contributor or agency credit"
      missing="Choose the credit to merge into."
      options={others.map((o) => ({
        value: o.id,
        label: `${o.name} (${CONTRIBUTOR_KIND_LABELS[o.kind].toLowerCase()}, ${stories(o.credits)})`,
      }))}
      busy={merge.isPending}
      refusal={refusal}
      onMerge={(intoId) => merge.mutate({ fromId: from.id, intoId })}
      onClose={onClose}
    >
      <p className="text-sm">
        The {stories(from.credits)} crediting “{from.name}” credit the one you choose instead, /authors/{from.slug}{" "}
        leads to that author page, and “{from.name}” is gone. This cannot be undone.
      </p>
    </MergeDialog>
  );
}

/** Deletes a credit no story carries (one added by mistake). */
export function DeleteContributorDialog({
  contributor,
  onClose,
  onDone,
}: {
  contributor: ContributorSummary;
  onClose: () => void;
  onDone: (name: string) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const remove = useMutation(
    trpc.contributor.delete.mutationOptions({
      onSuccess: (result) => onDone(result.name),
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  return (
    <ConfirmDialog
      id="delete-contributor"
      open
      title={`Delete “${contributor.name}”?`}
      confirmLabel="Delete"
      busy={remove.isPending}
      onClose={onClose}
      onConfirm={() => remove.mutate({ id: contributor.id })}
    >
      <p className="text-sm">No story credits “{contributor.name}”. Deleting it takes it off the list for good.</p>
      <FormAlert message={refusal?.message ?? null} />
    </ConfirmDialog>
  );
}
