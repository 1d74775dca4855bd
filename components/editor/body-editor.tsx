"use client";

import { Extension } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useMemo, useState } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { contentExtensions } from "@/lib/content/extensions";
import { InsertDialog, type DialogKind, type InsertRequest } from "./insert-dialogs";
import { Toolbar } from "./toolbar";

/**
 * The article body editor: the shared schema (lib/content/extensions.ts), a toolbar, the
 * usual shortcuts (Mod-B, Mod-I, Mod-Shift-S, Mod-K for links, Mod-Z / Mod-Shift-Z), and
 * dialogs for links and newsroom blocks. It reports the document as JSON; the server
 * validates it on every save.
 */
export function BodyEditor({
  initial,
  labelId,
  describedBy,
  onChange,
}: {
  initial: ContentDocument;
  labelId: string;
  describedBy?: string;
  onChange: (document: ContentDocument) => void;
}) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);

  // setDialog is stable for the component's life, so the extension is made once.
  const shortcuts = useMemo(
    () =>
      Extension.create({
        name: "newsroomShortcuts",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => {
            setDialog("link");
            return true;
          },
        }),
      }),
    [setDialog],
  );

  const editor = useEditor({
    extensions: [...contentExtensions, shortcuts],
    content: initial,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: "article-body min-h-72 rounded-b border border-neutral-500 px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700",
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as ContentDocument),
  });

  const selection = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      link: current ? String(current.getAttributes("link").href ?? "") : "",
      text: current ? current.state.doc.textBetween(current.state.selection.from, current.state.selection.to, " ") : "",
    }),
  });

  function insert(request: InsertRequest, target: Editor) {
    const chain = target.chain().focus();
    if (request.kind === "link") chain.extendMarkRange("link").setLink({ href: request.href }).run();
    else if (request.kind === "unlink") chain.extendMarkRange("link").unsetLink().run();
    else if (request.kind === "pullQuote")
      chain.insertContent({ type: "pullQuote", attrs: { attribution: request.attribution }, content: [{ type: "text", text: request.quote }] }).run();
    else if (request.kind === "embed") chain.insertContent({ type: "embed", attrs: { provider: request.provider, id: request.id } }).run();
    else chain.insertContent({ type: "callout", attrs: { kind: request.calloutKind }, content: [{ type: "paragraph" }] }).run();
    setDialog(null);
  }

  return (
    <div>
      <Toolbar editor={editor} onDialog={setDialog} />
      <EditorContent editor={editor} />
      <InsertDialog
        kind={dialog}
        initialLink={selection?.link ?? ""}
        initialQuote={selection?.text ?? ""}
        onClose={() => setDialog(null)}
        onInsert={(request) => (editor ? insert(request, editor) : undefined)}
      />
    </div>
  );
}
