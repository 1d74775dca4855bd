import { Extension, type Extensions } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { SHARED } from "@/lib/content/shared-doc";
import { CaretStepping } from "./caret-stepping";
import { CommentMarks } from "./comment-marks";
import { Suggesting, type SuggestingOptions } from "./suggesting";

/** What the body editor needs to edit the body together. */
export interface SharedBody {
  doc: Y.Doc;
  /** Where everyone's carets come from (the co-editing connection's awareness). */
  provider: { awareness: Awareness };
  user: { name: string; color: string };
  /** Who suggests in Suggesting mode, and where a refused suggestion is said. */
  suggesting: SuggestingOptions;
}

/**
 * Another person's caret: a coloured bar with their name above it. Hidden from assistive
 * technology (it is not part of the text); who is editing is said in "Also editing".
 */
function caret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#1d4ed8";
  const bar = document.createElement("span");
  bar.className = "collaboration-carets__caret";
  bar.setAttribute("aria-hidden", "true");
  bar.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  // Text, never markup: the name comes from another browser.
  label.textContent = typeof user.name === "string" ? user.name.slice(0, 60) : "Someone";
  bar.append(label);
  return bar;
}

function isUndoManager(value: unknown): value is { stopCapturing: () => void } {
  return typeof value === "object" && value !== null && "stopCapturing" in value;
}

/**
 * Undo steps as people think of them: moving the caret (a click, an arrow key) ends a step, so
 * deleting a block just after typing elsewhere is undone on its own. (The shared undo groups
 * everything within half a second otherwise.)
 */
const UndoSteps = Extension.create({
  name: "undoSteps",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        view: () => ({
          update(view, previous) {
            if (!view.state.doc.eq(previous.doc) || view.state.selection.eq(previous.selection)) return;
            const state: unknown = yUndoPluginKey.getState(view.state);
            const manager =
              typeof state === "object" && state !== null && "undoManager" in state ? state.undoManager : null;
            if (isUndoManager(manager)) manager.stopCapturing();
          },
        }),
      }),
    ];
  },
});

/**
 * The awareness the caret plugin writes this person's caret into, sending it a frame later:
 * moving the caret (every keystroke does) announces it, and the announcement makes the editor
 * update a second time; after the frame that shows the keystroke, it costs typing nothing.
 * Others see the caret move a few milliseconds later. Everything else passes straight through.
 */
export function caretsAfterPaint(awareness: Awareness): Awareness {
  let pending: { value: unknown } | null = null;
  const flush = () => {
    if (!pending) return;
    const { value } = pending;
    pending = null;
    awareness.setLocalStateField("cursor", value);
  };
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "setLocalStateField")
        return (field: string, value: unknown) => {
          if (field !== "cursor" || typeof requestAnimationFrame === "undefined")
            return target.setLocalStateField(field, value);
          if (pending === null) requestAnimationFrame(() => setTimeout(flush, 0));
          pending = { value };
        };
      // The caret plugin compares with what it last announced: the caret waiting to be sent.
      if (property === "getLocalState")
        return () => {
          const state = target.getLocalState();
          return pending && state ? { ...state, cursor: pending.value } : state;
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The body bound to the shared document's body, with per-person undo and everyone's carets. */
export function collaborationExtensions({ doc, provider, user, suggesting }: SharedBody): Extensions {
  return [
    Collaboration.configure({ document: doc, field: SHARED.body }),
    CollaborationCaret.configure({
      provider: { awareness: caretsAfterPaint(provider.awareness) },
      user,
      render: caret,
    }),
    CaretStepping,
    UndoSteps,
    Suggesting.configure(suggesting),
    CommentMarks,
  ];
}
