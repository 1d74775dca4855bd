"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import type { DialogKind } from "./insert-dialogs";

interface Tool {
  label: string;
  shortcut?: string;
  active?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[][] = [
  [
    {
      label: "Bold",
      shortcut: "Ctrl+B",
      active: (e) => e.isActive("bold"),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      label: "Italic",
      shortcut: "Ctrl+I",
      active: (e) => e.isActive("italic"),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      label: "Strikethrough",
      shortcut: "Ctrl+Shift+S",
      active: (e) => e.isActive("strike"),
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
  ],
  [
    {
      label: "Heading 2",
      active: (e) => e.isActive("heading", { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: "Heading 3",
      active: (e) => e.isActive("heading", { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: "Bulleted list",
      active: (e) => e.isActive("bulletList"),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: "Numbered list",
      active: (e) => e.isActive("orderedList"),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    { label: "Quote", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: "Divider", run: (e) => e.chain().focus().setHorizontalRule().run() },
  ],
  [
    { label: "Undo", shortcut: "Ctrl+Z", run: (e) => e.chain().focus().undo().run() },
    { label: "Redo", shortcut: "Ctrl+Shift+Z", run: (e) => e.chain().focus().redo().run() },
  ],
];

const DIALOG_TOOLS: { label: string; kind: DialogKind; shortcut?: string }[] = [
  { label: "Link", kind: "link", shortcut: "Ctrl+K" },
  { label: "Pull quote", kind: "pullQuote" },
  { label: "Callout", kind: "callout" },
  { label: "Figure", kind: "figure" },
  { label: "Embed", kind: "embed" },
];

const buttonClass =
  "rounded px-2 py-1 text-sm font-semibold text-neutral-900 hover:bg-neutral-200 aria-pressed:bg-neutral-900 aria-pressed:text-white disabled:text-neutral-500";

const GROUP_LABELS = ["Text style", "Blocks", "History"];

/**
 * One toolbar widget (WAI-ARIA toolbar pattern): a single tab stop, the arrow keys (and Home,
 * End) move between its buttons, and it stays in view at the top while a long story scrolls.
 */
export function Toolbar({ editor, onDialog }: { editor: Editor | null; onDialog: (kind: DialogKind) => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(
        TOOLS.flat().map((tool) => [tool.label, Boolean(current && tool.active?.(current))]),
      ) as Record<string, boolean>,
  });
  const bar = useRef<HTMLDivElement>(null);
  // The button Tab lands on: the one last used.
  const [current, setCurrent] = useState(0);
  let index = 0;
  const stop = () => {
    const mine = index++;
    return { tabIndex: mine === current ? 0 : -1, onFocus: () => setCurrent(mine) };
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1 || buttons.length === 0) return;
    const next =
      event.key === "ArrowRight"
        ? (at + 1) % buttons.length
        : event.key === "ArrowLeft"
          ? (at - 1 + buttons.length) % buttons.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? buttons.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }

  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-1 rounded-t border border-b-0 border-neutral-500 bg-neutral-50 px-2 py-1"
    >
      {TOOLS.map((group, g) => (
        <div
          key={g}
          role="group"
          aria-label={GROUP_LABELS[g]}
          className="flex flex-wrap gap-1 border-r border-neutral-300 pr-1"
        >
          {group.map((tool) => {
            const pressed = tool.active ? Boolean(active?.[tool.label]) : undefined;
            return (
              <button
                key={tool.label}
                type="button"
                className={buttonClass}
                aria-pressed={pressed}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                disabled={!editor}
                {...stop()}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => editor && tool.run(editor)}
              >
                {tool.label}
              </button>
            );
          })}
        </div>
      ))}
      <div role="group" aria-label="Insert" className="flex flex-wrap gap-1">
        {DIALOG_TOOLS.map((tool) => (
          <button
            key={tool.label}
            type="button"
            className={buttonClass}
            title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
            disabled={!editor}
            {...stop()}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onDialog(tool.kind)}
          >
            {tool.label}
          </button>
        ))}
      </div>
    </div>
  );
}
