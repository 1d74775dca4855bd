"use client";

import Image from "next/image";
import { useState } from "react";
import { FigurePicker, readImageChoice } from "../../editor/figure-picker";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { FormAlert } from "../../ui/form-alert";

export interface LibraryImageChoice {
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

/** Shows an image (a hero, a portrait) and lets the user choose one from the media library, or remove it. */
export function LibraryImagePicker({
  url,
  alt,
  onChoose,
  onRemove,
  label = "hero image",
}: {
  url: string;
  alt: string;
  onChoose: (image: LibraryImageChoice) => void;
  onRemove: () => void;
  /** What the image is, in the buttons: "hero image", "photo". */
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      {url ? (
        <Image unoptimized src={url} alt={alt} width={320} height={180} className="h-auto w-64 bg-neutral-100" />
      ) : (
        <p className="text-sm">No {label}.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          {url ? `Change ${label}` : `Choose ${label}`}
        </Button>
        {url ? (
          <Button type="button" variant="secondary" onClick={onRemove}>
            Remove {label}
          </Button>
        ) : null}
      </div>
      {open ? (
        <ConfirmDialog
          id={`${label.replace(/\s+/g, "-")}-dialog`}
          open
          title={label[0]?.toUpperCase() + label.slice(1)}
          confirmLabel="Use this image"
          busy={false}
          onClose={() => {
            setOpen(false);
            setError(null);
          }}
          onConfirm={(form) => {
            const choice = readImageChoice(form);
            if ("error" in choice) return setError(choice.error);
            onChoose({ url: choice.src, alt: choice.alt, caption: choice.caption, credit: choice.credit });
            setOpen(false);
            setError(null);
          }}
        >
          <FigurePicker />
          <FormAlert message={error} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
