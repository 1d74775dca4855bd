"use client";

import { Button } from "../../ui/button";

export function StepError({
  error,
  onReload,
}: {
  error: { message: string; conflict: boolean } | null;
  onReload: () => void;
}) {
  if (!error) return null;
  return (
    <div role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>{error.message}</p>
      {error.conflict ? (
        <Button type="button" variant="secondary" className="mt-2" onClick={onReload}>
          Reload the latest version
        </Button>
      ) : null}
    </div>
  );
}
