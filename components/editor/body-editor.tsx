"use client";

import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { NodeSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { coEditingExtensions, contentExtensions } from "@/lib/content/extensions";
import { collaborationExtensions, type SharedBody } from "./co-editing/collaboration";
import { htmlNestedDeeperThan, MAX_PASTE_DEPTH, normalizePastedHtml } from "@/lib/content/paste";
import { FigureDetailsDialog, figureDetails, type FigureDetails } from "./figure-details";
import { caretNow } from "./caret";
import { CaretBlock } from "./caret-block";
import { chainAt, focusNow, insertBlock } from "./insert-block";
import { SelectionInStep, visibleSelection } from "./visible-selection";
import { menuAnchor, SlashMenu, type MenuAnchor } from "./slash-menu";
import { readSmartQuotes, SmartQuotes, writeSmartQuotes } from "./smart-quotes";
import { InsertDialog, type DialogKind, type InsertMenuAction, type InsertRequest } from "./insert-dialogs";
import { Toolbar } from "./toolbar";

/**
 * The article body editor: the shared schema (lib/content/extensions.ts), a toolbar, the
 * usual shortcuts (Mod-B, Mod-I, Mod-Shift-S, Mod-K for links, Mod-Z / Mod-Shift-Z), and
 * dialogs for links and newsroom blocks. It reports the document as JSON; the server
 * validates it on every save.
 */
export const BodyEditor = memo(function BodyEditor({
  initial,
  labelId,
  describedBy,
  onChange,
  coEditing,
  editable = true,
  reportDelayMs,
  onComment,
  onEditor,
  compact = false,
}: {
  initial: ContentDocument;
  labelId: string;
  describedBy?: string;
  onChange: (document: ContentDocument) => void;
  /** The shared document to edit together (the body in it), instead of `initial`. */
  coEditing?: SharedBody;
  editable?: boolean;
  /**
   * Report the document this long after typing pauses, not on every keystroke (when the body is
   * saved by someone else, the co-editing server, and the page only counts its words).
   */
  reportDelayMs?: number;
  /** Ctrl/Cmd+Alt+M: comment on the selection. */
  onComment?: () => void;
  /** The editor, once made (comments find their words through it). */
  onEditor?: (editor: Editor | null) => void;
  /**
   * A short text (a live entry): a lower box, and no quotes switch of its own (it follows the
   * one under the story's body: the same setting).
   */
  compact?: boolean;
}) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  // The selection when a dialog opened: focus moves to the dialog and the page may re-render
  // (autosave) while it is open, so the insert goes back to exactly this range.
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  // The "/" menu, open at this place on the screen.
  const [menu, setMenu] = useState<MenuAnchor | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  // The figure whose details are being changed: its position and what it says now.
  const [figure, setFigure] = useState<{ pos: number; details: FigureDetails } | null>(null);

  // The state setters are stable for the component's life, so the extension is made once.
  const shortcuts = useMemo(
    () =>
      Extension.create({
        name: "newsroomShortcuts",
        addKeyboardShortcuts() {
          return {
            // "/" at the start of an empty paragraph opens the insert menu; anywhere else it is a slash.
            "/": () => {
              const { $from, empty } = caretNow(this.editor.view);
              if (!empty || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0) return false;
              setRange({ from: $from.pos, to: $from.pos });
              const box = frame.current?.getBoundingClientRect();
              if (box) setMenu(menuAnchor(this.editor.view.coordsAtPos($from.pos), box));
              return true;
            },
            // Enter on a selected figure opens its details, as a double-click does.
            Enter: () => {
              const { selection } = this.editor.state;
              if (!(selection instanceof NodeSelection) || selection.node.type.name !== "figure") return false;
              setFigure({ pos: selection.from, details: figureDetails(selection.node.attrs) });
              return true;
            },
            "Mod-k": () => {
              setRange(visibleSelection(this.editor));
              setDialog("link");
              return true;
            },
            // Comment on the selection (the workspace's comments panel takes it from there).
            "Mod-Alt-m": () => {
              latestOnComment.current?.();
              return latestOnComment.current !== undefined;
            },
          };
        },
      }),
    [setDialog, setRange, setFigure, setMenu],
  );

  // Options must stay identical between renders: the form re-renders on every keystroke, and
  // changed options make useEditor call setOptions, which re-applies the editor state to the
  // page and can undo a selection the browser has not reported yet.
  const latestOnChange = useRef(onChange);
  const latestOnComment = useRef(onComment);
  const latestDelay = useRef(reportDelayMs);
  const reportTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latestOnChange.current = onChange;
    latestOnComment.current = onComment;
    latestDelay.current = reportDelayMs;
  });
  const extensions = useMemo(
    () =>
      coEditing
        ? [
            ...coEditingExtensions,
            SelectionInStep,
            shortcuts,
            SmartQuotes,
            CaretBlock,
            ...collaborationExtensions(coEditing),
          ]
        : [...contentExtensions, SelectionInStep, shortcuts, SmartQuotes, CaretBlock],
    [shortcuts, coEditing],
  );
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        // Each paragraph takes the direction of its own first letters (styles/: unicode-bidi:
        // plaintext), so Arabic or Hebrew runs right to left, quotes in English inside it too.
        dir: "auto",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: `article-body ${compact ? "min-h-32" : "min-h-72"} rounded-b border border-neutral-500 px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700`,
      },
      // Headings, tables and the like from Google Docs, Word and web pages, brought to the schema.
      // (HTML nested absurdly deep is left as it is: handlePaste pastes its plain text.)
      transformPastedHTML: (html: string) =>
        htmlNestedDeeperThan(html, MAX_PASTE_DEPTH) ? html : normalizePastedHtml(html),
      handleDoubleClickOn(_view: EditorView, _pos: number, node: ProseMirrorNode, nodePos: number) {
        if (node.type.name !== "figure") return false;
        setFigure({ pos: nodePos, details: figureDetails(node.attrs) });
        return true;
      },
      // Pasted HTML nested absurdly deep is checked before ProseMirror's parser walks it (one
      // pass, no recursion) and pasted as its plain text instead, so nothing is lost.
      handlePaste(view: EditorView, event: ClipboardEvent) {
        const html = event.clipboardData?.getData("text/html") ?? "";
        if (!html || !htmlNestedDeeperThan(html, MAX_PASTE_DEPTH)) {
          setPasteNotice(null);
          return false;
        }
        view.pasteText(event.clipboardData?.getData("text/plain") ?? "");
        setPasteNotice("The pasted text was nested too deeply to keep its formatting, so it was pasted as plain text.");
        return true;
      },
    }),
    [labelId, describedBy, compact],
  );
  const [content] = useState(initial);
  const editor = useEditor({
    extensions,
    // A co-edited body comes from the shared document.
    content: coEditing ? undefined : content,
    immediatelyRender: false,
    editorProps,
    onUpdate: ({ editor: current }) => {
      const delay = latestDelay.current;
      if (delay === undefined) return latestOnChange.current(current.getJSON() as ContentDocument);
      // Reported a moment after typing pauses: turning 20,000 words into JSON on every
      // keystroke would cost more than the keystroke itself.
      if (reportTimer.current) clearTimeout(reportTimer.current);
      reportTimer.current = setTimeout(() => {
        reportTimer.current = null;
        if (!current.isDestroyed) latestOnChange.current(current.getJSON() as ContentDocument);
      }, delay);
    },
  });
  useEffect(
    () => () => {
      if (reportTimer.current) clearTimeout(reportTimer.current);
    },
    [],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const [smartQuotes, setSmartQuotes] = useState(true);
  useEffect(() => setSmartQuotes(readSmartQuotes()), []);
  useEffect(() => {
    if (editor) editor.storage.smartQuotes.enabled = smartQuotes;
  }, [editor, smartQuotes]);

  const selection = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      link: current ? String(current.getAttributes("link").href ?? "") : "",
      text: current ? current.state.doc.textBetween(current.state.selection.from, current.state.selection.to, " ") : "",
    }),
  });

  function open(kind: DialogKind) {
    if (editor) {
      const { from, to } = editor.state.selection;
      setRange({ from, to });
    }
    setDialog(kind);
  }

  function insert(request: InsertRequest, target: Editor) {
    if (request.kind === "link" || request.kind === "unlink") {
      const chain = chainAt(target, range);
      // The caret lands after the link, so the next keystroke never replaces the linked words.
      if (request.kind === "link")
        chain
          .extendMarkRange("link")
          .setLink({ href: request.href })
          .setTextSelection(range?.to ?? target.state.selection.to)
          .run();
      else chain.extendMarkRange("link").unsetLink().run();
    } else if (request.kind === "pullQuote")
      insertBlock(target, range, {
        type: "pullQuote",
        attrs: { attribution: request.attribution },
        content: [{ type: "text", text: request.quote }],
      });
    else if (request.kind === "embed")
      insertBlock(target, range, { type: "embed", attrs: { provider: request.provider, id: request.id } });
    else if (request.kind === "figure")
      insertBlock(target, range, {
        type: "figure",
        attrs: {
          src: request.src,
          alt: request.alt,
          caption: request.caption,
          credit: request.credit,
          width: request.width,
          height: request.height,
        },
      });
    else
      insertBlock(
        target,
        range,
        { type: "callout", attrs: { kind: request.calloutKind }, content: [{ type: "paragraph" }] },
        "inside",
      );
    setDialog(null);
    setRange(null);
  }

  function chooseFromMenu(action: InsertMenuAction, target: Editor) {
    const chain = chainAt(target, range);
    const blocks: Partial<Record<InsertMenuAction, () => void>> = {
      heading2: () => chain.setHeading({ level: 2 }).run(),
      heading3: () => chain.setHeading({ level: 3 }).run(),
      bulletList: () => chain.toggleBulletList().run(),
      orderedList: () => chain.toggleOrderedList().run(),
      blockquote: () => chain.toggleBlockquote().run(),
      divider: () => chain.setHorizontalRule().run(),
    };
    const block = blocks[action];
    if (block) {
      focusNow(target);
      block();
    } else setDialog(action as DialogKind);
    setMenu(null);
  }

  /** Where the menu goes for the caret's place when it opened, in the box as it is now. */
  function caretAnchor(target: Editor): MenuAnchor | null {
    const box = frame.current?.getBoundingClientRect();
    if (!box || target.isDestroyed || !range) return null;
    return menuAnchor(target.view.coordsAtPos(Math.min(range.from, target.state.doc.content.size)), box);
  }

  function closeMenu(target: Editor) {
    focusNow(target);
    chainAt(target, range).run();
    setMenu(null);
  }

  return (
    <div ref={frame} className="relative">
      <Toolbar editor={editor} onDialog={open} />
      <EditorContent editor={editor} />
      <p role="status" className="mt-1 text-sm text-muted">
        {pasteNotice}
      </p>
      {compact ? null : (
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={smartQuotes}
            onChange={(event) => {
              const on = event.target.checked;
              setSmartQuotes(on);
              writeSmartQuotes(on);
            }}
          />
          Typographic quotes as you type (“ ” ’)
        </label>
      )}
      {figure && editor ? (
        <FigureDetailsDialog
          initial={figure.details}
          onClose={() => {
            setFigure(null);
            editor.commands.focus();
          }}
          onSave={(details) => {
            const { pos } = figure;
            editor
              .chain()
              .focus()
              .command(({ tr }) => {
                const node = tr.doc.nodeAt(pos);
                if (node?.type.name !== "figure") return false;
                tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...details });
                tr.setSelection(NodeSelection.create(tr.doc, pos));
                return true;
              })
              .run();
            setFigure(null);
          }}
        />
      ) : null}
      {menu && editor ? (
        <SlashMenu
          anchor={menu}
          measure={() => caretAnchor(editor)}
          follow={[frame.current, editor.view.dom]}
          onChoose={(action) => chooseFromMenu(action, editor)}
          onClose={() => closeMenu(editor)}
          onDismiss={() => setMenu(null)}
        />
      ) : null}
      <InsertDialog
        kind={dialog}
        initialLink={selection?.link ?? ""}
        initialQuote={selection?.text ?? ""}
        onClose={() => setDialog(null)}
        onInsert={(request) => (editor ? insert(request, editor) : undefined)}
      />
    </div>
  );
});
