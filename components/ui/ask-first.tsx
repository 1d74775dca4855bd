"use client";

import type { ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";

/** A step that asks first: what it is called, what will happen, and how to do it. */
export interface AskFirst {
  title: string;
  /** What will happen, in a sentence. */
  text: string;
  /** The confirming button's label. */
  label: string;
}

/**
 * The "are you sure?" before a step that cannot be quietly taken back (a correction, a pin,
 * a role change…): says what will happen; nothing happens until the user confirms.
 */
export function AskFirstDialog({
  id,
  ask,
  busy,
  onCancel,
  onConfirm,
  children,
}: {
  id: string;
  ask: AskFirst;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children?: ReactNode;
}) {
  return (
    <ConfirmDialog
      id={id}
      open
      title={ask.title}
      confirmLabel={ask.label}
      busy={busy}
      onClose={onCancel}
      onConfirm={onConfirm}
    >
      <p className="text-sm text-neutral-800">{ask.text}</p>
      {children}
    </ConfirmDialog>
  );
}
