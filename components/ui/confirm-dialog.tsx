"use client";

import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Button } from "./button";

/**
 * A modal dialog (native <dialog>: focus stays inside, Escape closes) that asks for what an
 * action needs. Nothing happens until the user confirms. Render it only once open.
 */
export function ConfirmDialog({
  id = "confirm-dialog",
  open,
  title,
  confirmLabel,
  busy,
  onConfirm,
  onClose,
  children,
}: {
  id?: string;
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: (form: FormData) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // React passes events up the component tree, portals included: an enclosing form (the
    // article edit form) must not also submit.
    event.stopPropagation();
    onConfirm(new FormData(event.currentTarget));
  }

  // Rendered on <body>: a dialog's form must not sit inside another form.
  if (typeof document === "undefined") return null;
  return createPortal(
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-neutral-400 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-black/40"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-5">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {title}
        </h2>
        {children}
        <div className="flex justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? "Working…" : confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
