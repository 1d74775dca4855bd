"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeError } from "@/trpc/errors";

/**
 * Runs one change to an article and refreshes the page from the server afterwards. Failures
 * are kept as a message (and per-field messages) for the form; nothing the user typed is
 * cleared on failure.
 */
export function useArticleStep() {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]>; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  async function run(step: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await step();
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
