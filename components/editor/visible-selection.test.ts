// @vitest-environment happy-dom
import { Editor } from "@tiptap/core";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { contentExtensions } from "@/lib/content/extensions";
import { SelectionInStep } from "./visible-selection";

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(text: string): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  editor = new Editor({ element, extensions: [...contentExtensions, SelectionInStep], content: paragraphs([text]) });
  return editor;
}

/** Moves the browser's selection as a key press would, before ProseMirror has read it. */
function browserSelects(view: Editor["view"], anchor: number, head: number) {
  const a = view.domAtPos(anchor);
  const h = view.domAtPos(head);
  const selection = window.getSelection();
  selection?.setBaseAndExtent(a.node, a.offset, h.node, h.offset);
}

const press = (view: Editor["view"], key: string) =>
  view.someProp("handleKeyDown", (handle) => handle(view, new KeyboardEvent("keydown", { key })));

describe("a key pressed before the editor has read the browser's selection", () => {
  it("acts on the selection the browser shows", () => {
    const { view } = open("The ferry cut the timetable sharply.");
    // "The ferry cut the timetable sharply." — " sharply" is positions 28–36.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 36, 29)));
    browserSelects(view, 36, 28);
    // ProseMirror still has seven characters selected; Backspace deletes the eight shown.
    press(view, "Backspace");
    expect(view.state.doc.textContent).toBe("The ferry cut the timetable.");
  });

  it("leaves a selection alone when the browser shows the same, and a selected block as it is", () => {
    const { view } = open("The ferry cut the timetable sharply.");
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 5, 10)));
    browserSelects(view, 5, 10);
    press(view, "Backspace");
    expect(view.state.doc.textContent).toBe("The  cut the timetable sharply.");

    // A selected block stays selected as a whole: Backspace removes it, not one character.
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, 0)));
    browserSelects(view, 3, 4);
    press(view, "Backspace");
    expect(view.state.doc.textContent).toBe("");
  });
});
