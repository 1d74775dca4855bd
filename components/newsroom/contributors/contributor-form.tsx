"use client";

import { useState, type FormEvent } from "react";
import { CONTRIBUTOR_KIND_LABELS, CONTRIBUTOR_KINDS, type ContributorKindName } from "@/lib/schemas/contributor";
import { MAX_BIO_LENGTH } from "@/lib/schemas/user";
import { describeError } from "@/trpc/errors";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { FormAlert } from "../../ui/form-alert";
import { LibraryImagePicker } from "../media/library-image-picker";

export interface ContributorValues {
  kind: ContributorKindName;
  name: string;
  bio: string;
  photoUrl: string | null;
}

/**
 * A contributor's or agency credit's name, kind, and author page (bio and photo). What was
 * typed stays when the server refuses it; the refusal is shown next to its field.
 */
export function ContributorForm({
  idPrefix,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  initial: ContributorValues;
  submitLabel: string;
  /** Resolves when saved; a refusal is thrown back to be shown. */
  onSave: (values: ContributorValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ReturnType<typeof describeError> | null>(null);
  const set = (patch: Partial<ContributorValues>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      await onSave(values);
    } catch (error) {
      setRefusal(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => refusal?.fieldErrors[field]?.[0];
  const general =
    refusal && !fieldError("name") && !fieldError("bio") && !fieldError("photoUrl") ? refusal.message : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex max-w-2xl flex-col gap-3">
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        value={values.name}
        maxLength={100}
        error={fieldError("name")}
        onChange={(e) => set({ name: e.target.value })}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-semibold">Kind</legend>
        <div className="flex flex-wrap gap-4">
          {CONTRIBUTOR_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${idPrefix}-kind`}
                checked={values.kind === kind}
                onChange={() => set({ kind })}
              />
              {CONTRIBUTOR_KIND_LABELS[kind]}
              {kind === "AGENCY" ? <span className="text-neutral-700">(Reuters, Staff…)</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-bio`} className="text-sm font-semibold">
          Bio (optional)
        </label>
        <textarea
          id={`${idPrefix}-bio`}
          rows={3}
          value={values.bio}
          onChange={(e) => set({ bio: e.target.value })}
          aria-describedby={`${idPrefix}-bio-count`}
          aria-invalid={fieldError("bio") ? true : undefined}
          className="rounded border border-neutral-500 px-3 py-2"
        />
        <p id={`${idPrefix}-bio-count`} className="text-sm text-neutral-700">
          {fieldError("bio") ?? `${values.bio.trim().length} of ${MAX_BIO_LENGTH} characters`}
        </p>
      </div>
      <fieldset className="flex flex-col gap-2 rounded border border-neutral-300 p-3">
        <legend className="px-1 text-sm font-semibold">Photo (optional)</legend>
        <LibraryImagePicker
          url={values.photoUrl ?? ""}
          alt={`Portrait of ${values.name}`}
          onChoose={(choice) => set({ photoUrl: choice.url })}
          onRemove={() => set({ photoUrl: null })}
          label="photo"
        />
        {fieldError("photoUrl") ? <p className="text-sm text-red-800">{fieldError("photoUrl")}</p> : null}
      </fieldset>
      <FormAlert message={general} />
      <div className="flex gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
