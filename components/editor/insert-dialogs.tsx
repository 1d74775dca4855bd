"use client";

import { useState } from "react";
import { CALLOUT_KINDS, CALLOUT_LABELS, type CalloutKind } from "@/lib/content/nodes/callout";
import { parseEmbedUrl, type EmbedProvider } from "@/lib/content/nodes/embed";
import { isAllowedHref } from "@/lib/content/links";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormAlert } from "../ui/form-alert";
import { FigurePicker, readImageChoice } from "./figure-picker";

export type InsertRequest =
  | { kind: "link"; href: string }
  | { kind: "unlink" }
  | { kind: "pullQuote"; quote: string; attribution: string }
  | { kind: "embed"; provider: EmbedProvider; id: string }
  | { kind: "callout"; calloutKind: CalloutKind }
  | {
      kind: "figure";
      src: string;
      width: number | null;
      height: number | null;
      alt: string;
      caption: string;
      credit: string;
    };

export type DialogKind = "link" | "pullQuote" | "embed" | "callout" | "figure";

/** What the "/" menu offers: blocks inserted at once, or a dialog that asks for more. */
export const INSERT_MENU: {
  label: string;
  action: "heading2" | "heading3" | "bulletList" | "orderedList" | "blockquote" | "divider" | DialogKind;
}[] = [
  { label: "Heading 2", action: "heading2" },
  { label: "Heading 3", action: "heading3" },
  { label: "Bulleted list", action: "bulletList" },
  { label: "Numbered list", action: "orderedList" },
  { label: "Quote", action: "blockquote" },
  { label: "Pull quote", action: "pullQuote" },
  { label: "Callout", action: "callout" },
  { label: "Figure", action: "figure" },
  { label: "Embed", action: "embed" },
  { label: "Divider", action: "divider" },
];
export type InsertMenuAction = (typeof INSERT_MENU)[number]["action"];

const inputClass = "rounded border border-neutral-500 px-3 py-2";

/** The dialogs behind the toolbar's Link, Pull quote, Embed and Callout buttons. */
export function InsertDialog({
  kind,
  initialLink,
  initialQuote,
  onInsert,
  onClose,
}: {
  kind: DialogKind | null;
  initialLink: string;
  initialQuote: string;
  onInsert: (request: InsertRequest) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  if (!kind) return null;
  const close = () => {
    setError(null);
    onClose();
  };

  function confirm(form: FormData) {
    const value = (name: string) => String(form.get(name) ?? "").trim();
    if (kind === "link") {
      const href = value("href");
      if (!href) return onInsert({ kind: "unlink" });
      const full = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `https://${href}`;
      if (!isAllowedHref(full)) return setError("Use an http, https or mailto address.");
      return onInsert({ kind: "link", href: full });
    }
    if (kind === "pullQuote") {
      if (!value("quote")) return setError("Write the quote.");
      return onInsert({ kind: "pullQuote", quote: value("quote"), attribution: value("attribution") });
    }
    if (kind === "figure") {
      const choice = readImageChoice(form);
      return "error" in choice ? setError(choice.error) : onInsert({ kind: "figure", ...choice });
    }
    if (kind === "embed") {
      const parsed = parseEmbedUrl(value("url"));
      if (!parsed) return setError("Paste a YouTube, Vimeo, X or Bluesky address.");
      return onInsert({ kind: "embed", ...parsed });
    }
    const calloutKind = value("calloutKind");
    return onInsert({
      kind: "callout",
      calloutKind: (CALLOUT_KINDS as readonly string[]).includes(calloutKind) ? (calloutKind as CalloutKind) : "note",
    });
  }

  const titles: Record<DialogKind, [string, string]> = {
    link: ["Link", "Apply"],
    pullQuote: ["Pull quote", "Insert pull quote"],
    embed: ["Embed", "Insert embed"],
    callout: ["Callout", "Insert callout"],
    figure: ["Figure", "Insert figure"],
  };
  const [title, confirmLabel] = titles[kind];
  return (
    <ConfirmDialog
      id="insert-dialog"
      open
      title={title}
      confirmLabel={confirmLabel}
      busy={false}
      onClose={close}
      onConfirm={confirm}
    >
      {kind === "link" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="insert-href" className="text-sm font-semibold">
            Address
          </label>
          <input
            id="insert-href"
            name="href"
            defaultValue={initialLink}
            placeholder="https://…"
            className={inputClass}
          />
          <p className="text-sm text-neutral-700">Leave empty to remove the link.</p>
        </div>
      ) : null}
      {kind === "pullQuote" ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor="insert-quote" className="text-sm font-semibold">
              Quote
            </label>
            <textarea id="insert-quote" name="quote" rows={3} defaultValue={initialQuote} className={inputClass} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="insert-attribution" className="text-sm font-semibold">
              Attribution
            </label>
            <input id="insert-attribution" name="attribution" maxLength={200} className={inputClass} />
          </div>
        </>
      ) : null}
      {kind === "embed" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="insert-url" className="text-sm font-semibold">
            Address of the post or video
          </label>
          <input id="insert-url" name="url" placeholder="https://www.youtube.com/watch?v=…" className={inputClass} />
        </div>
      ) : null}
      {kind === "figure" ? <FigurePicker /> : null}
      {kind === "callout" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="insert-callout" className="text-sm font-semibold">
            Kind
          </label>
          <select id="insert-callout" name="calloutKind" className={inputClass}>
            {CALLOUT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CALLOUT_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FormAlert message={error} />
    </ConfirmDialog>
  );
}
