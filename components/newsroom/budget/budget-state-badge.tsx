import { BUDGET_STATE_LABELS, type BudgetState } from "@/lib/budget";

const tones: Record<BudgetState, string> = {
  IDEA: "bg-neutral-200 text-neutral-900",
  ASSIGNED: "bg-sky-100 text-sky-900",
  IN_PROGRESS: "bg-amber-100 text-amber-900",
  FILED: "bg-indigo-100 text-indigo-900",
  PUBLISHED: "bg-green-100 text-green-900",
  KILLED: "bg-red-100 text-red-900",
};

export function BudgetStateBadge({ state }: { state: BudgetState }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[state]}`}>
      {BUDGET_STATE_LABELS[state]}
    </span>
  );
}
