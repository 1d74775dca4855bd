"use client";

import { memo, useCallback, useEffect, useRef, useState } from "react";
import { compareBlocks, copyBlock } from "@/lib/content/compare";
import { diffDocuments, textChange, type FieldChange } from "@/lib/content/diff";
import { useTRPCClient } from "@/trpc/client";
import { Button } from "../../ui/button";
import { draftFromArticle, type ArticleDraft } from "./article-draft";
import { BodyDiff, FieldChanges } from "./version-diff";

/** Headline and standfirst, theirs to mine, words marked. */
function textChanges(theirs: ArticleDraft, mine: ArticleDraft): FieldChange[] {
  return TEXT_FIELDS.flatMap(([field, label]) => {
    const change = textChange(label[0]?.toUpperCase() + label.slice(1), theirs[field], mine[field]);
    return change ? [change] : [];
  });
}

interface Theirs {
  draft: ArticleDraft;
  version: number;
  by: string;
  /** True once something was copied into their version: taking it then means saving it. */
  changed: boolean;
}

const TEXT_FIELDS = [
  ["headline", "headline"],
  ["standfirst", "standfirst"],
] as const;

function Column({
  title,
  draft,
  other,
  otherName,
  onCopy,
}: {
  title: string;
  draft: ArticleDraft;
  other: ArticleDraft;
  otherName: string;
  onCopy: (change: (target: ArticleDraft) => ArticleDraft) => void;
}) {
  const blocks = compareBlocks(draft.body, other.body);
  return (
    <section aria-label={title} className="flex min-w-0 flex-col gap-2 rounded border border-neutral-400 bg-white p-3">
      <h3 className="font-bold">{title}</h3>
      {TEXT_FIELDS.map(([field, label]) => (
        <div key={field} className="flex flex-col items-start gap-1">
          <p className={field === "headline" ? "font-serif text-lg font-bold" : "font-serif"}>
            {draft[field] || <span className="text-neutral-600">(no {label})</span>}
          </p>
          {draft[field] !== other[field] ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => onCopy((target) => ({ ...target, [field]: draft[field] }))}
            >
              Copy this {label} to {otherName}
            </Button>
          ) : null}
        </div>
      ))}
      <ol
        aria-label={`${title}: body`}
        className="flex max-h-96 flex-col gap-2 overflow-auto rounded bg-neutral-50 p-2"
      >
        {blocks.map((block) => (
          <li
            key={block.index}
            className={`whitespace-pre-wrap font-serif text-sm ${block.onlyHere ? "border-l-4 border-amber-600 bg-amber-50 pl-2" : ""}`}
          >
            {block.onlyHere ? <span className="sr-only">Only in this version: </span> : null}
            {block.text}
            {block.onlyHere ? (
              <div className="mt-1">
                <Button
                  type="button"
                  variant="secondary"
                  aria-label={`Copy paragraph ${block.index + 1} to ${otherName}`}
                  onClick={() =>
                    onCopy((target) => ({ ...target, body: copyBlock(draft.body, block.index, target.body) }))
                  }
                >
                  Copy to {otherName}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type Copy = (change: (target: ArticleDraft) => ArticleDraft) => void;

/** What differs and both versions side by side: drawn again only when `theirs` or `mine` change. */
const Comparison = memo(function Comparison({
  theirs,
  mine,
  copyToTheirs,
  copyToMine,
}: {
  theirs: Theirs;
  mine: ArticleDraft;
  copyToTheirs: Copy;
  copyToMine: Copy;
}) {
  return (
    <>
      <section aria-label="What differs" className="flex flex-col gap-2 rounded border border-neutral-400 bg-white p-3">
        <h3 className="font-bold">What differs: their saved text, with your changes marked</h3>
        <FieldChanges changes={textChanges(theirs.draft, mine)} />
        <BodyDiff diff={diffDocuments(theirs.draft.body, mine.body)} />
      </section>
      <div className="grid gap-3 md:grid-cols-2">
        <Column
          title="Your version (not saved)"
          draft={mine}
          other={theirs.draft}
          otherName="theirs"
          onCopy={copyToTheirs}
        />
        <Column
          title={`Saved by ${theirs.by}`}
          draft={theirs.draft}
          other={mine}
          otherName="mine"
          onCopy={copyToMine}
        />
      </div>
    </>
  );
});

/** `value`, once it has stopped changing for `ms` (the first one at once). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** While typing goes on with the conflict open, the comparison waits this long after the last key. */
const COMPARE_SETTLE_MS = 300;

/**
 * Someone else saved this article since this page loaded it. Both versions side by side, with
 * what only one side has marked; headline, standfirst and any paragraph can be copied from one
 * side to the other before choosing which to continue from. Nothing is overwritten until then.
 */
export function ConflictPanel({
  articleId,
  mine,
  onChangeMine,
  onKeepMine,
  onTakeTheirs,
}: {
  articleId: string;
  mine: ArticleDraft;
  onChangeMine: (draft: ArticleDraft) => void;
  onKeepMine: (version: number) => void;
  /** `changed`: their version has text copied in from mine, so it must be saved. */
  onTakeTheirs: (draft: ArticleDraft, version: number, changed: boolean) => void;
}) {
  const client = useTRPCClient();
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [failed, setFailed] = useState(false);
  // Typing goes on while the conflict is open (the fallback reports the text on every keystroke):
  // comparing and drawing a long story three times on each key made every keystroke wait for
  // it. The comparison follows once typing pauses; copying always uses the current text.
  const shown = useSettled(mine, COMPARE_SETTLE_MS);
  const latest = useRef({ mine, onChangeMine });
  useEffect(() => {
    latest.current = { mine, onChangeMine };
  });
  const copyToMine = useCallback<Copy>((change) => latest.current.onChangeMine(change(latest.current.mine)), []);
  const copyToTheirs = useCallback<Copy>(
    (change) => setTheirs((before) => before && { ...before, draft: change(before.draft), changed: true }),
    [],
  );

  useEffect(() => {
    let current = true;
    client.article.get
      .query({ id: articleId })
      .then((article) => {
        if (!current) return;
        setTheirs({
          version: article.version,
          by: article.updatedBy?.displayName ?? "someone else",
          draft: draftFromArticle(article),
          changed: false,
        });
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [articleId, client]);

  return (
    <div
      role="region"
      aria-label="Conflict"
      className="flex flex-col gap-3 rounded border-2 border-red-700 bg-red-50 p-4"
    >
      <h2 className="text-lg font-bold text-red-900">Someone else saved this article while you were editing</h2>
      <p className="text-sm">
        Your changes are kept on this device and have not overwritten theirs. Compare (text only one version has is
        marked), copy what you need from one side to the other, then choose which version to continue from.
      </p>
      {failed ? <p role="alert">Could not load the other version. Check your connection and reload.</p> : null}
      {theirs ? (
        <>
          <Comparison theirs={theirs} mine={shown} copyToTheirs={copyToTheirs} copyToMine={copyToMine} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => onKeepMine(theirs.version)}>
              Keep mine
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => onTakeTheirs(theirs.draft, theirs.version, theirs.changed)}
            >
              Take theirs
            </Button>
          </div>
        </>
      ) : (
        <p>Loading the other version…</p>
      )}
    </div>
  );
}
