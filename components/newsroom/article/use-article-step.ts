"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeError } from "@/trpc/errors";
import { useArticleVersion } from "./article-version";

/**
 * Runs one change to an article (with the newest version this page knows) and refreshes the
 * page from the server afterwards. Failures
 * are kept as a message (and per-field messages) for the form; nothing the user typed is
 * cleared on failure.
 */
export function useArticleStep() {
  const router = useRouter();
  const [error, setError] = useState<{
    message: string;
    fieldErrors: Record<string, string[]>;
    conflict: boolean;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  const { currentVersion, stepTaken, flushPending } = useArticleVersion();

  /** `step` gets the current version; a `{ version }` it returns becomes current at once. */
  async function run(step: (version: number) => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      // Pending edits are saved first; their new version is the one the step must carry.
      await flushPending();
      const carried = currentVersion();
      const result = await step(carried);
      const next = (result as { version?: unknown } | null)?.version;
      if (typeof next === "number") stepTaken(carried, next);
      startTransition(() => router.refresh());
      return true;
    } catch (failure) {
      const described = describeError(failure);
      const conflict = /changed after you opened it/.test(described.message);
      setError({ ...described, conflict });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error, clearError: () => setError(null), reload: () => router.refresh() };
}
