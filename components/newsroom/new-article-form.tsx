"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MAX_HEADLINE_LENGTH } from "@/lib/schemas/article";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

type Kind = "STORY" | "LIVE";

const KINDS: { value: Kind; label: string }[] = [
  { value: "STORY", label: "Story" },
  { value: "LIVE", label: "Live blog: timestamped entries, newest first" },
];

export function NewArticleForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [headline, setHeadline] = useState("");
  const [kind, setKind] = useState<Kind>("STORY");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.article.create.mutationOptions({
      onSuccess: (article) => {
        router.push(`/newsroom/articles/${article.id}`);
        router.refresh();
      },
      // The headline stays in the field on failure: nothing typed is lost.
      onError: (failure) =>
        setError(describeError(failure).fieldErrors.headline?.[0] ?? describeError(failure).message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!headline.trim()) {
      setError("Headline is required");
      return;
    }
    setError(null);
    create.mutate({ headline, kind });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      <Field
        id="headline"
        name="headline"
        label="Headline"
        value={headline}
        onChange={(event) => setHeadline(event.target.value)}
        maxLength={MAX_HEADLINE_LENGTH + 50}
        error={error ?? undefined}
        autoFocus
      />
      <p className="text-sm text-neutral-700">
        {headline.trim().length} / {MAX_HEADLINE_LENGTH} characters
      </p>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-semibold text-neutral-800">Kind</legend>
        {KINDS.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name="kind"
              className="size-4"
              checked={kind === option.value}
              onChange={() => setKind(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create draft"}
        </Button>
      </div>
    </form>
  );
}
