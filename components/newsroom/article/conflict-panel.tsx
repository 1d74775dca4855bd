"use client";

import { useEffect, useState } from "react";
import { plainText } from "@/lib/content/text";
import { useTRPCClient } from "@/trpc/client";
import { Button } from "../../ui/button";
import { draftFromArticle, type ArticleDraft } from "./article-edit-form";

interface Theirs {
  draft: ArticleDraft;
  version: number;
  by: string;
}

function Column({ title, draft }: { title: string; draft: ArticleDraft }) {
  return (
    <section aria-label={title} className="flex min-w-0 flex-col gap-2 rounded border border-neutral-400 bg-white p-3">
      <h3 className="font-bold">{title}</h3>
      <p className="font-serif text-lg font-bold">{draft.headline}</p>
      <p className="font-serif">{draft.standfirst}</p>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded bg-neutral-50 p-2 font-serif text-sm">{plainText(draft.body)}</pre>
    </section>
  );
}

/**
 * Someone else saved this article since this page loaded it. Both versions side by side; the
 * user keeps theirs, takes the other, or copies text across before choosing. Nothing is
 * overwritten until they choose.
 */
export function ConflictPanel({
  articleId,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  articleId: string;
  mine: ArticleDraft;
  onKeepMine: (version: number) => void;
  onTakeTheirs: (draft: ArticleDraft, version: number) => void;
}) {
  const client = useTRPCClient();
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [failed, setFailed] = useState(false);

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
        });
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [articleId, client]);

  return (
    <div role="region" aria-label="Conflict" className="flex flex-col gap-3 rounded border-2 border-red-700 bg-red-50 p-4">
      <h2 className="text-lg font-bold text-red-900">Someone else saved this article while you were editing</h2>
      <p className="text-sm">
        Your changes are kept on this device and have not overwritten theirs. Compare, copy what you need from one side to the other,
        then choose which version to continue from.
      </p>
      {failed ? <p role="alert">Could not load the other version. Check your connection and reload.</p> : null}
      {theirs ? (
        <>
          <div className="grid gap-3 md:grid-cols-2">
            <Column title="Your version (not saved)" draft={mine} />
            <Column title={`Saved by ${theirs.by}`} draft={theirs.draft} />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => onKeepMine(theirs.version)}>
              Keep mine
            </Button>
            <Button type="button" variant="secondary" onClick={() => onTakeTheirs(theirs.draft, theirs.version)}>
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
