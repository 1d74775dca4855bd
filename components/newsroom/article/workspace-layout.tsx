"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const FOCUS_KEY = "masthead.workspace.focus";
const focusListeners = new Set<() => void>();

function readFocus(): boolean {
  try {
    return window.localStorage.getItem(FOCUS_KEY) === "1";
  } catch {
    return false;
  }
}

function writeFocus(on: boolean) {
  try {
    window.localStorage.setItem(FOCUS_KEY, on ? "1" : "0");
  } catch {
    // Private mode: focus mode lasts for this page only.
  }
  focusListeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  focusListeners.add(listener);
  return () => focusListeners.delete(listener);
}

/**
 * The article workspace: the text fills the main column like a page; workflow, details,
 * versions and history live in a side panel that stays in view while the body scrolls. On a
 * phone the panel is a drawer; "Focus" hides it (remembered on this device).
 */
export function WorkspaceLayout({ main, panel }: { main: ReactNode; panel: ReactNode }) {
  const focus = useSyncExternalStore(subscribe, readFocus, () => false);
  const [drawer, setDrawer] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!drawer) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setDrawer(false);
      opener.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawer]);

  const close = () => {
    setDrawer(false);
    opener.current?.focus();
  };

  return (
    <div className={`grid gap-8 ${focus ? "" : "lg:grid-cols-[minmax(0,1fr)_23rem]"}`}>
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap justify-end gap-2 text-sm">
          <button
            ref={opener}
            type="button"
            className="rounded border border-neutral-400 px-3 py-1 font-semibold lg:hidden"
            aria-expanded={drawer}
            aria-controls="article-panel"
            onClick={() => setDrawer(true)}
          >
            Workflow and details
          </button>
          <button
            type="button"
            className="hidden rounded border border-neutral-400 px-3 py-1 font-semibold aria-pressed:bg-neutral-900 aria-pressed:text-white lg:inline-block"
            aria-pressed={focus}
            title="Hide the side panel and write"
            onClick={() => writeFocus(!focus)}
          >
            Focus
          </button>
        </div>
        {main}
      </div>
      <aside
        id="article-panel"
        aria-label="Workflow and details"
        className={`${drawer ? "fixed inset-0 z-40 flex overflow-y-auto bg-white p-4" : "hidden"} flex-col gap-4 ${
          focus
            ? "lg:hidden"
            : "lg:sticky lg:inset-auto lg:top-4 lg:z-auto lg:flex lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:p-0 lg:pr-1"
        }`}
      >
        <div className="flex items-center justify-between lg:hidden">
          <p className="font-bold">Workflow and details</p>
          <button ref={closer} type="button" className="rounded border border-neutral-400 px-3 py-1" onClick={close}>
            Close
          </button>
        </div>
        {panel}
      </aside>
    </div>
  );
}

/** One collapsible group of the side panel, open unless told otherwise. */
export function PanelGroup({
  id,
  title,
  open = true,
  children,
}: {
  id: string;
  title: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded border border-neutral-300 bg-white">
      <details open={open} className="group">
        <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2">
          <h2 id={id} className="text-sm font-bold uppercase tracking-wide text-neutral-700">
            {title}
          </h2>
          <span aria-hidden="true" className="text-neutral-700 group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="flex flex-col gap-4 px-3 pb-3">{children}</div>
      </details>
    </section>
  );
}
