"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { INSERT_MENU, type InsertMenuAction } from "./insert-dialogs";

const WIDTH_PX = 256;

/**
 * Where the menu goes, in the coordinates of the editor's box (position: relative), so it
 * moves with the text when the page scrolls or something above the editor changes size:
 * below the caret's line when the window has room for it there (or more room than above),
 * else above it.
 */
export interface MenuAnchor {
  left: number;
  placement: "below" | "above";
  /** Top of the menu (below) or its distance from the box's bottom (above). */
  below: number;
  above: number;
  /** Height it may take and still be in the window. */
  room: number;
}

export function menuAnchor(caret: { left: number; top: number; bottom: number }, box: DOMRect): MenuAnchor {
  const spaceBelow = window.innerHeight - caret.bottom;
  const placement = spaceBelow >= 320 || spaceBelow >= caret.top ? "below" : "above";
  return {
    left: Math.max(0, Math.min(caret.left - box.left, box.width - WIDTH_PX)),
    placement,
    below: caret.bottom - box.top + 4,
    above: box.bottom - caret.top + 4,
    room: Math.max(160, (placement === "below" ? spaceBelow : caret.top) - 12),
  };
}

const sameAnchor = (a: MenuAnchor, b: MenuAnchor) =>
  a.left === b.left && a.placement === b.placement && a.below === b.below && a.above === b.above && a.room === b.room;

/** The blocks whose name contains what was typed (any case), in the menu's order. */
export function filterInsertMenu(query: string): typeof INSERT_MENU {
  const wanted = query.trim().toLowerCase();
  return INSERT_MENU.filter((item) => item.label.toLowerCase().includes(wanted));
}

/**
 * The "/" menu: a popup at the caret (not a modal), with a filter that narrows the blocks as
 * you type. Arrow keys move, Enter inserts, Escape closes it and puts the caret back where
 * it was; a click elsewhere just closes it.
 */
export function SlashMenu({
  anchor: opened,
  measure,
  follow,
  onChoose,
  onClose,
  onDismiss,
}: {
  /** Where the caret was when the menu opened, in the editor's box (see menuAnchor). */
  anchor: MenuAnchor;
  /** Where the caret is now (null: nowhere to measure). */
  measure: () => MenuAnchor | null;
  /**
   * Elements whose size changes move the caret's line (the text, the editor's box): measured
   * again then. Blocks just added settle their size a frame or two later (the editor lays out
   * blocks out of view lazily), and a co-editor's change can move the line while it is open.
   */
  follow: (Element | null)[];
  onChoose: (action: InsertMenuAction) => void;
  onClose: () => void;
  /** A click outside the menu: it closes, and the click does what it does. */
  onDismiss: () => void;
}) {
  const [anchor, setAnchor] = useState(opened);
  const latestMeasure = useRef(measure);
  useLayoutEffect(() => {
    latestMeasure.current = measure;
  });
  const [first, second] = follow;
  useLayoutEffect(() => {
    const update = () => {
      const next = latestMeasure.current();
      if (next) setAnchor((now) => (sameAnchor(now, next) ? now : next));
    };
    update();
    const observer = new ResizeObserver(update);
    for (const element of [first, second]) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [first, second]);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // The menu opened because the user asked for it: typing goes on in the filter.
  useEffect(() => input.current?.focus(), []);
  const id = useId();
  const items = filterInsertMenu(query);
  const current = items[Math.min(active, items.length - 1)];

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (box.current && event.target instanceof Node && !box.current.contains(event.target)) onDismiss();
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [onDismiss]);

  function keys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (items.length > 0)
        setActive((index) => (index + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current) onChoose(current.action);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  }

  const place =
    anchor.placement === "below"
      ? { top: anchor.below, maxHeight: anchor.room }
      : { bottom: anchor.above, maxHeight: anchor.room };
  return (
    <div
      ref={box}
      role="dialog"
      aria-label="Insert"
      className="absolute z-50 flex flex-col gap-2 overflow-y-auto rounded border border-neutral-500 bg-white p-2 text-neutral-900 shadow-lg"
      style={{ left: anchor.left, width: WIDTH_PX, ...place }}
    >
      <input
        role="combobox"
        aria-label="Insert a block"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-${current.action}` : undefined}
        ref={input}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={keys}
        placeholder="Type to filter"
        className="rounded border border-neutral-500 px-2 py-1"
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Blocks" className="flex flex-col">
        {items.map((item) => (
          <li
            key={item.action}
            id={`${id}-${item.action}`}
            role="option"
            aria-selected={item === current}
            // Keep the focus in the filter; the click chooses.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(item.action)}
            className={`cursor-pointer rounded px-3 py-1.5 ${item === current ? "bg-blue-100 font-semibold" : ""}`}
          >
            {item.label}
          </li>
        ))}
      </ul>
      {items.length === 0 ? <p className="px-3 py-1.5 text-sm text-neutral-700">No block is called that.</p> : null}
    </div>
  );
}
