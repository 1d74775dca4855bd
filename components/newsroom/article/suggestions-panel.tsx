"use client";

import { selectSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect, useState } from "react";
import { suggestionsIn, type Suggestion } from "@/lib/content/suggestions";
import { describeError } from "@/trpc/errors";
import { useTRPCClient } from "@/trpc/client";
import { isSuggesting, setSuggesting } from "../../editor/co-editing/suggesting";
import { Button } from "../../ui/button";
import type { Person } from "./mention-field";

// Suggestions (track changes): the Editing/Suggesting switch under the body and the list of
// open suggestions in the side panel, each with who made it and when, to accept or reject one
// by one or all at once. Deciding happens on the server (server/services/suggestions.ts);
// the change comes back through co-editing like anyone's edit.

/** The longest the list waits for an idle moment after a change before it is gathered again. */
const LIST_DELAY_MS = 1000;

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * The open suggestions in the editor's text, kept up to date as anyone types: gathered when
 * the page is idle (never in a keystroke's frame), and the workspace re-rendered only when
 * the list itself changed.
 */
export function useSuggestions(editor: Editor | null): Suggestion[] {
  const [list, setList] = useState<Suggestion[]>([]);
  useEffect(() => {
    if (!editor) return;
    // Safari has no requestIdleCallback: a short pause stands in for an idle moment there.
    const idle =
      "requestIdleCallback" in window
        ? (run: () => void) => {
            const id = window.requestIdleCallback(run, { timeout: LIST_DELAY_MS });
            return () => window.cancelIdleCallback(id);
          }
        : (run: () => void) => {
            const id = setTimeout(run, 250);
            return () => clearTimeout(id);
          };
    let pending: (() => void) | null = null;
    let shown = "";
    const gather = () => {
      pending = null;
      const next = suggestionsIn(editor.state.doc);
      const key = JSON.stringify(next);
      if (key === shown) return;
      shown = key;
      setList(next);
    };
    const later = () => {
      pending ??= idle(gather);
    };
    later();
    editor.on("update", later);
    return () => {
      editor.off("update", later);
      pending?.();
    };
  }, [editor]);
  return editor ? list : [];
}

/** "Editing / Suggesting": this person's mode (the others keep theirs). */
export function SuggestingSwitch({ editor }: { editor: Editor | null }) {
  const on = useEditorState({ editor, selector: ({ editor: e }) => (e ? isSuggesting(e.state) : false) }) ?? false;
  return (
    <Button
      type="button"
      variant="secondary"
      aria-pressed={on}
      className="aria-pressed:bg-neutral-900 aria-pressed:text-white"
      disabled={!editor}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!editor) return;
        setSuggesting(editor.state, (tr) => editor.view.dispatch(tr), !on);
        editor.commands.focus();
      }}
      title="Suggesting: your changes are kept as suggestions that someone accepts or rejects"
    >
      {on ? "Suggesting" : "Suggest changes"}
    </Button>
  );
}

type Decision = "accept" | "reject";
const DECISIONS: Decision[] = ["accept", "reject"];
const LABEL: Record<Decision, string> = { accept: "Accept", reject: "Reject" };
const DONE: Record<Decision, string> = { accept: "Accepted", reject: "Rejected" };

function describe(s: Suggestion): string {
  if (s.inserted && s.deleted) return `Replace “${s.deleted}” with “${s.inserted}”`;
  if (s.inserted) return s.inserted === "¶" ? "Add a paragraph break" : `Add “${s.inserted}”`;
  return s.deleted === "¶" ? "Remove a paragraph break" : `Delete “${s.deleted}”`;
}

export function SuggestionList({
  articleId,
  editor,
  suggestions,
  people,
  live,
  flush,
}: {
  articleId: string;
  editor: Editor | null;
  suggestions: Suggestion[];
  people: Person[];
  /** Deciding needs the co-editing connection (the decision comes back through it). */
  live: boolean;
  /** Stores what this person typed first, so the server decides on the text as seen here. */
  flush: () => Promise<void>;
}) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? "A former colleague";

  async function decide(decision: Decision, chosen: string[] | "all") {
    setBusy(true);
    try {
      await flush();
      const { decided } = await client.article.decideSuggestions.mutate({
        id: articleId,
        decision,
        suggestions: chosen,
      });
      setNotice(`${DONE[decision]} ${decided === 1 ? "the suggestion" : `${decided} suggestions`}.`);
    } catch (caught) {
      setNotice(describeError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  function show(id: string) {
    if (!editor) return;
    selectSuggestion(id)(editor.state, (tr) => editor.view.dispatch(tr));
    editor.commands.focus();
  }

  const disabled = busy || !live;
  return (
    <div className="flex flex-col gap-2">
      {suggestions.length === 0 ? <p className="text-sm text-neutral-700">No open suggestions.</p> : null}
      {!live && suggestions.length > 0 ? (
        <p className="text-sm text-neutral-700">Accepting and rejecting need the live connection.</p>
      ) : null}
      {suggestions.length > 1 ? (
        <div className="flex flex-wrap gap-2">
          {DECISIONS.map((decision) => (
            <Button
              key={decision}
              type="button"
              variant="secondary"
              disabled={disabled}
              onClick={() => void decide(decision, "all")}
            >
              {LABEL[decision]} all
            </Button>
          ))}
        </div>
      ) : null}
      <ol aria-label="Open suggestions" className="flex flex-col gap-2">
        {suggestions.map((s) => {
          const text = describe(s);
          const by = `${nameOf(s.authorId)}, ${when(s.at)}`;
          return (
            <li key={s.id} className="flex flex-col gap-1 border-t border-neutral-300 pt-2 text-sm">
              <button type="button" className="text-left font-semibold underline" onClick={() => show(s.id)}>
                {text}
              </button>
              <span className="text-neutral-700">{by}</span>
              <span className="flex gap-2">
                {DECISIONS.map((decision) => (
                  <Button
                    key={decision}
                    type="button"
                    variant="secondary"
                    disabled={disabled}
                    aria-label={`${LABEL[decision]}: ${text} (${by})`}
                    onClick={() => void decide(decision, [s.id])}
                  >
                    {LABEL[decision]}
                  </Button>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      <p role="status" className="text-sm">
        {notice ?? ""}
      </p>
    </div>
  );
}
