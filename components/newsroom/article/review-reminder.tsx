"use client";

import { useState } from "react";
import { useTRPCClient } from "@/trpc/client";
import { Button } from "../../ui/button";
import { StepError } from "./step-error";
import { useArticleStep } from "./use-article-step";

/**
 * "Review after N days" on a live story (editors): its authors and the editor are reminded then,
 * in the newsroom and by email for those who asked for it.
 */
export function ReviewReminder({
  id,
  dueLabel,
  sentLabel,
}: {
  id: string;
  /** When the reminder falls due (null: none asked). */
  dueLabel: string | null;
  /** When it went out (null: not yet). */
  sentLabel: string | null;
}) {
  const client = useTRPCClient();
  const { run, busy, error, reload } = useArticleStep();
  const [days, setDays] = useState("7");
  const says = dueLabel
    ? sentLabel
      ? `Review reminder: sent ${sentLabel}.`
      : `Review reminder: ${dueLabel}, to its authors and the editor who asked.`
    : "No review reminder.";
  return (
    <form
      className="flex flex-col gap-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run((version) => client.article.setReview.mutate({ id, version, days: Number(days) }));
      }}
    >
      <p className="text-sm">{says}</p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="review-days" className="text-sm font-semibold">
            Remind to review in (days)
          </label>
          <input
            id="review-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            aria-invalid={error?.fieldErrors.days ? true : undefined}
            aria-describedby={error?.fieldErrors.days ? "review-days-error" : undefined}
            className="w-24 rounded border border-neutral-500 px-3 py-2"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {dueLabel && !sentLabel ? "Change reminder" : "Set reminder"}
        </Button>
        {dueLabel && !sentLabel ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => void run((version) => client.article.setReview.mutate({ id, version, days: null }))}
          >
            Clear reminder
          </Button>
        ) : null}
      </div>
      {error?.fieldErrors.days ? (
        <p id="review-days-error" className="text-sm text-red-800">
          {error.fieldErrors.days[0]}
        </p>
      ) : null}
      <StepError error={error?.fieldErrors.days ? null : error} onReload={reload} />
    </form>
  );
}
