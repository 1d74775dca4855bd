"use client";

import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormAlert } from "../ui/form-alert";

export interface FigureDetails {
  alt: string;
  caption: string;
  credit: string;
}

/** A figure node's alt text, caption and credit, as its details dialog shows them. */
export function figureDetails(attrs: Record<string, unknown>): FigureDetails {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { alt: text(attrs.alt), caption: text(attrs.caption), credit: text(attrs.credit) };
}

const FIELDS = [
  ["alt", "Alt text"],
  ["caption", "Caption"],
  ["credit", "Credit"],
] as const;

/**
 * Changes a figure's alt text, caption and credit in place (double-click or Enter on a figure
 * in the editor): the image stays where it is.
 */
export function FigureDetailsDialog({
  initial,
  onSave,
  onClose,
}: {
  initial: FigureDetails;
  onSave: (details: FigureDetails) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  function confirm(form: FormData) {
    const value = (name: string) => String(form.get(name) ?? "").trim();
    if (!value("alt")) return setError("Describe the image in the alt text.");
    onSave({ alt: value("alt"), caption: value("caption"), credit: value("credit") });
  }
  return (
    <ConfirmDialog
      id="figure-details"
      open
      title="Figure details"
      confirmLabel="Save figure"
      busy={false}
      onClose={onClose}
      onConfirm={confirm}
    >
      <FormAlert message={error} />
      {FIELDS.map(([field, label]) => (
        <div key={field} className="flex flex-col gap-1">
          <label htmlFor={`figure-details-${field}`} className="text-sm font-semibold">
            {label}
          </label>
          <input
            id={`figure-details-${field}`}
            name={field}
            defaultValue={initial[field]}
            maxLength={field === "caption" ? 1000 : field === "alt" ? 500 : 200}
            className="rounded border border-neutral-500 px-3 py-2"
          />
        </div>
      ))}
    </ConfirmDialog>
  );
}
