"use client";

import Link from "next/link";
import type { KeyboardEvent, ReactNode } from "react";

/**
 * One entry on a calendar day: a budget line (solid) or a story without one (dashed). One
 * someone may move is draggable and has a Move button that picks it up for the keyboard.
 */
export function CalendarEntry({
  entryKey,
  title,
  href,
  heading,
  details,
  dashed,
  movable,
  picked,
  onPick,
  onMoveKey,
  onLeave,
}: {
  /** What a drag carries ("line:…" or "story:…"). */
  entryKey: string;
  title: string;
  href: string;
  /** The link's text (its time and title). */
  heading: string;
  details: ReactNode;
  dashed: boolean;
  movable: boolean;
  picked: boolean;
  onPick: () => void;
  onMoveKey: (event: KeyboardEvent<HTMLButtonElement>) => void;
  /** The Move button lost focus (a pick not put down is left). */
  onLeave: () => void;
}) {
  return (
    <li
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", entryKey);
        event.dataTransfer.effectAllowed = "move";
      }}
      className={`rounded border p-1 text-xs ${dashed ? "border-dashed border-neutral-400" : "border-neutral-300 bg-neutral-50"} ${movable ? "cursor-grab" : ""} ${picked ? "ring-2 ring-sky-700" : ""}`}
    >
      <Link href={href} className={`block hover:underline ${dashed ? "" : "font-semibold"}`}>
        {heading}
      </Link>
      <span className="flex flex-wrap items-center gap-1">
        {details}
        {movable ? (
          <button
            type="button"
            className="ml-auto rounded border border-neutral-400 px-1 hover:bg-neutral-100 print:hidden"
            aria-label={`Move “${title}”`}
            aria-pressed={picked}
            data-move={entryKey}
            onClick={onPick}
            onKeyDown={onMoveKey}
            onBlur={onLeave}
          >
            Move
          </button>
        ) : null}
      </span>
    </li>
  );
}
