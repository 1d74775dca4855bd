"use client";

import { Button } from "./button";

/** The body of an error boundary: what happened, in plain words, and a way to retry. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">This page is not available right now</h1>
      <p className="mt-4 text-neutral-700">{message}</p>
      <p className="mt-6">
        <Button type="button" onClick={onRetry}>
          Try again
        </Button>
      </p>
    </div>
  );
}
