"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

/** Shown when a page cannot be produced (for example while the database is unreachable). */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice message="Something went wrong on our side. Please try again in a moment." onRetry={reset} />;
}
