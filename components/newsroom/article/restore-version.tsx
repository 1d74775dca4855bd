"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPCClient } from "@/trpc/client";
import { AskFirstDialog } from "../../ui/ask-first";
import { Button } from "../../ui/button";
import { ArticleVersionProvider } from "./article-version";
import { StepError } from "./step-error";
import { useArticleStep } from "./use-article-step";

function RestoreButton({ articleId, revisionId }: { articleId: string; revisionId: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const { run, busy, error, reload } = useArticleStep();
  const [asking, setAsking] = useState(false);
  return (
    <div className="flex flex-col items-start gap-2">
      <StepError error={error} onReload={reload} />
      <Button type="button" onClick={() => setAsking(true)}>
        Restore this version
      </Button>
      {asking ? (
        <AskFirstDialog
          id="restore-version"
          busy={busy}
          ask={{
            title: "Restore this version?",
            text: "Its headline, standfirst, hero image and body become the working copy, as a new save. Nothing is deleted: the text it replaces is kept as a version, so restoring that one undoes this.",
            label: "Restore",
          }}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            void run((version) => client.article.restore.mutate({ id: articleId, revisionId, version })).then((ok) => {
              setAsking(false);
              if (ok) router.push(`/newsroom/articles/${articleId}`);
            });
          }}
        />
      ) : null}
    </div>
  );
}

/** "Restore this version", asking first; afterwards the article's workspace with the restored text. */
export function RestoreVersion({
  articleId,
  revisionId,
  version,
}: {
  articleId: string;
  revisionId: string;
  version: number;
}) {
  return (
    <ArticleVersionProvider version={version}>
      <RestoreButton articleId={articleId} revisionId={revisionId} />
    </ArticleVersionProvider>
  );
}
