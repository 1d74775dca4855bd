"use client";

import { useState, type ReactNode } from "react";
import type { describeError } from "@/trpc/errors";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormAlert } from "../ui/form-alert";
import { SelectField } from "../ui/select-field";

export type Refusal = ReturnType<typeof describeError>;

/**
 * Merging one thing into another (a tag, a contributor): what it does, a choice of the one to
 * keep, and a confirmation. Confirming without a choice says so and sends nothing.
 */
export function MergeDialog({
  id,
  title,
  confirmLabel,
  placeholder,
  missing,
  options,
  busy,
  refusal,
  onMerge,
  onClose,
  children,
  after,
}: {
  id: string;
  title: string;
  confirmLabel: string;
  placeholder: string;
  /** Said when confirmed without a choice. */
  missing: string;
  options: { value: string; label: string }[];
  busy: boolean;
  /** The server's answer when it refused. */
  refusal: Refusal | null;
  onMerge: (intoId: string) => void;
  onClose: () => void;
  /** What merging does, above the choice. */
  children: ReactNode;
  /** A hint under the choice. */
  after?: ReactNode;
}) {
  const [intoId, setIntoId] = useState("");
  const [unchosen, setUnchosen] = useState(false);
  return (
    <ConfirmDialog
      id={id}
      open
      title={title}
      confirmLabel={confirmLabel}
      busy={busy}
      onClose={onClose}
      onConfirm={() => {
        setUnchosen(!intoId);
        if (intoId) onMerge(intoId);
      }}
    >
      {children}
      <SelectField
        id={`${id}-into`}
        label="Merge into"
        value={intoId}
        placeholder={placeholder}
        onChange={(event) => setIntoId(event.target.value)}
        error={refusal?.fieldErrors.intoId?.[0]}
        options={options}
      />
      {after}
      <FormAlert message={unchosen ? missing : (refusal?.message ?? null)} />
    </ConfirmDialog>
  );
}
