import type { BudgetState } from "@/lib/budget";
import { KillOrRevive } from "./budget-line-actions";
import { StartWritingButton } from "./start-writing-button";

/** What can be done with a line from its page: start its story, kill or revive it. */
export function BudgetLineActionsBar({
  id,
  version,
  title,
  state,
  canStart,
  canKill,
}: {
  id: string;
  version: number;
  title: string;
  state: BudgetState;
  canStart: boolean;
  /** May kill it (or revive it, when killed): the server's rule, worked out by the page. */
  canKill: boolean;
}) {
  if (!canStart && !canKill) return null;
  return (
    <div className="flex flex-wrap items-start gap-3 print:hidden">
      {canStart ? <StartWritingButton id={id} version={version} title={title} /> : null}
      {canKill ? <KillOrRevive id={id} version={version} killed={state === "KILLED"} /> : null}
    </div>
  );
}
