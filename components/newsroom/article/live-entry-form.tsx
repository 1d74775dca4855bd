"use client";

import { useState, type ReactNode } from "react";
import { EMPTY_DOCUMENT, type ContentDocument } from "@/lib/content/document";
import { plainText } from "@/lib/content/text";
import { MAX_KEY_EVENT_LENGTH } from "@/lib/schemas/liveblog";
import { BodyEditor } from "../../editor/body-editor";
import { Button } from "../../ui/button";

export interface LiveEntryDraft {
  body: ContentDocument;
  keyEvent: string | null;
}

/**
 * A live entry being written or changed: the body editor on the shared schema (marks, links,
 * lists, figures, quotes, as in a story's body) and the key-event line. What is typed stays
 * here until the parent has it stored (it remounts the form, with a new key, to clear it).
 */
export function LiveEntryForm({
  idPrefix,
  label,
  keyEventLabel,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onEmpty,
  children,
}: {
  idPrefix: string;
  label: string;
  keyEventLabel: string;
  initial?: { body: ContentDocument; keyEvent: string | null };
  submitLabel: string;
  busy: boolean;
  onSubmit: (draft: LiveEntryDraft) => void;
  /** Called instead of onSubmit when the entry has no words. */
  onEmpty: () => void;
  /** More buttons after the submit one (Cancel, End coverage). */
  children?: ReactNode;
}) {
  const [body, setBody] = useState<ContentDocument>(initial?.body ?? EMPTY_DOCUMENT);
  const [keyEvent, setKeyEvent] = useState(initial?.keyEvent ?? "");
  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!plainText(body).trim()) onEmpty();
        else onSubmit({ body, keyEvent: keyEvent.trim() || null });
      }}
    >
      <span id={`${idPrefix}-label`} className="text-sm font-semibold">
        {label}
      </span>
      <BodyEditor initial={initial?.body ?? EMPTY_DOCUMENT} labelId={`${idPrefix}-label`} onChange={setBody} compact />
      <label htmlFor={`${idPrefix}-key`} className="text-sm font-semibold">
        {keyEventLabel}
      </label>
      <input
        id={`${idPrefix}-key`}
        value={keyEvent}
        dir="auto"
        maxLength={MAX_KEY_EVENT_LENGTH}
        onChange={(event) => setKeyEvent(event.target.value)}
        className="rounded border border-neutral-500 px-3 py-2"
        aria-describedby={`${idPrefix}-key-hint`}
      />
      <p id={`${idPrefix}-key-hint`} className="text-sm text-neutral-700">
        Fill it in to list the entry under Key events at the top of the page.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        {children}
      </div>
    </form>
  );
}
