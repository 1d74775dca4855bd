import { Extension, type Extensions } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { SHARED } from "@/lib/content/shared-doc";
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

/** The body bound to the shared document's body, with per-person undo and everyone's carets. */
export function collaborationExtensions({ doc, provider, user, suggesting }: SharedBody): Extensions {
  return [
    Collaboration.configure({ document: doc, field: SHARED.body }),
    CollaborationCaret.configure({ provider, user, render: caret }),
    UndoSteps,
    Suggesting.configure(suggesting),
  ];
}
