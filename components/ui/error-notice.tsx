"use client";

import Link from "next/link";
import { Button } from "./button";

/**
 * The body of an error boundary: what happened, in plain words, a way to retry, and (in the
 * newsroom) a way back to the desk.
 */
export function ErrorNotice({
  message,
  onRetry,
  back,
}: {
  message: string;
  onRetry: () => void;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">This page is not available right now</h1>
      <p className="mt-4 text-neutral-700">{message}</p>
      <p className="mt-6">
        <Button type="button" onClick={onRetry}>
          Try again
        </Button>
      </p>
      {back ? (
        <p className="mt-4">
          <Link href={back.href} className="font-semibold underline">
            {back.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
