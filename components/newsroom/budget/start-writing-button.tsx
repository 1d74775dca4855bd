"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../../ui/button";

/** "Start writing": makes the line's story and opens it. */
export function StartWritingButton({ id, version, title }: { id: string; version: number; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(
    trpc.budget.startWriting.mutationOptions({
      onSuccess: ({ articleId }) => router.push(`/newsroom/articles/${articleId}`),
      onError: (failure) => setError(describeError(failure).message),
    }),
  );
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        className="print:hidden"
        disabled={start.isPending}
        aria-label={`Start writing: ${title}`}
        onClick={() => {
          setError(null);
          start.mutate({ id, version });
        }}
      >
        {start.isPending ? "Starting…" : "Start writing"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
