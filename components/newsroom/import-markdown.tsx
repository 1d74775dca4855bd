"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/article";
import { describeError } from "@/trpc/errors";
import { useTRPCClient } from "@/trpc/client";
import { FormAlert } from "../ui/form-alert";

/** "Import Markdown": a .md file with front matter becomes a new draft. */
export function ImportMarkdown() {
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ id: string; warnings: string[] } | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setResult(null);
    if (file.size > MAX_IMPORT_BYTES) return setError("The file is larger than 1 MB.");
    setBusy(true);
    try {
      const imported = await client.article.importMarkdown.mutate({ markdown: await file.text() });
      if (imported.warnings.length === 0) router.push(`/newsroom/articles/${imported.id}`);
      else setResult(imported);
    } catch (failure) {
      setError(describeError(failure).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby="import-heading"
      className="flex max-w-2xl flex-col gap-3 rounded border border-neutral-300 p-4"
    >
      <h2 id="import-heading" className="text-lg font-bold">
        Or import a Markdown file
      </h2>
      <p id="import-hint" className="text-sm text-neutral-700">
        Front matter with headline, standfirst, section and tags, then the body. Up to 1 MB.
      </p>
      <label htmlFor="import-file" className="text-sm font-semibold">
        Import Markdown
      </label>
      <input
        id="import-file"
        type="file"
        accept=".md,.markdown,text/markdown,text/plain"
        disabled={busy}
        onChange={(e) => void onFile(e)}
        aria-describedby="import-hint"
      />
      {busy ? <p role="status">Importing…</p> : null}
      <FormAlert message={error} />
      {result ? (
        <div role="status" className="text-sm">
          <p className="font-semibold">Imported as a draft, with notes:</p>
          <ul className="list-disc pl-5">
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
          <Link href={`/newsroom/articles/${result.id}`} className="underline">
            Open the draft
          </Link>
        </div>
      ) : null}
    </section>
  );
}
