import type { BudgetState } from "@/lib/budget";
import { KillOrRevive } from "./budget-line-actions";
import { StartWritingButton } from "./start-writing-button";

/** What can be done with a line from its page: start its story, kill or revive it. */
export function BudgetLineActionsBar({
  id,
  version,
  title,
  state,
  hasStory,
  canStart,
  canKill,
}: {
  id: string;
  version: number;
  title: string;
  state: BudgetState;
  hasStory: boolean;
  canStart: boolean;
  canKill: boolean;
}) {
  const killable = canKill && !hasStory && (state === "IDEA" || state === "ASSIGNED" || state === "KILLED");
  if (!canStart && !killable) return null;
  return (
    <div className="flex flex-wrap items-start gap-3 print:hidden">
      {canStart ? <StartWritingButton id={id} version={version} title={title} /> : null}
      {killable ? <KillOrRevive id={id} version={version} killed={state === "KILLED"} /> : null}
    </div>
  );
}
