import type { BudgetState } from "@/lib/budget";
import type { ArticleStatus, BudgetStatus, Role } from "../db/generated/enums";

export { BUDGET_STATES, type BudgetState } from "@/lib/budget";

// The story budget's status rules, pure. A budget line is an idea until someone is assigned
// to report it; "Start writing" makes its story, and from then on its status follows the
// story: in progress while drafted, filed once submitted, published, killed when spiked.
// Before a story exists, only an editor kills a line (and revives it).

/** Where a budget line stands: its own status, or its story's once it has one. */
export function budgetState(stored: BudgetStatus, article: ArticleStatus | null): BudgetState {
  if (article === null) return stored;
  switch (article) {
    case "DRAFT":
    case "CHANGES_REQUESTED":
    case "UNPUBLISHED":
      return "IN_PROGRESS";
    case "IN_REVIEW":
    case "APPROVED":
    case "SCHEDULED":
      return "FILED";
    case "PUBLISHED":
      return "PUBLISHED";
    case "SPIKED":
      return "KILLED";
  }
}

export const BUDGET_ACTIONS = ["edit", "assign", "kill", "revive", "startWriting"] as const;
export type BudgetAction = (typeof BUDGET_ACTIONS)[number];

export interface BudgetActor {
  role: Role;
  /** Proposed the line. */
  isCreator: boolean;
  /** Is one of its reporters. */
  isReporter: boolean;
}

const plans = (role: Role) => role === "EDITOR" || role === "ADMIN";

/** Where a line stands, and whether its story has been started (a killed line may have one). */
export interface BudgetLineFacts {
  state: BudgetState;
  hasStory: boolean;
}

/** Why `actor` may not take `action` on a line; null when they may. */
export function budgetRefusal(
  action: BudgetAction,
  { state, hasStory }: BudgetLineFacts,
  actor: BudgetActor,
): string | null {
  const editor = plans(actor.role);
  switch (action) {
    case "edit":
      if (editor) return null;
      if (actor.isCreator && state === "IDEA") return null;
      return actor.isCreator
        ? "Only editors change a budget line once it is assigned."
        : "Only editors change someone else's budget line.";
    case "assign":
      if (!editor) return "Only editors assign stories.";
      return state === "PUBLISHED" || state === "KILLED" ? `A ${state.toLowerCase()} line takes no assignments.` : null;
    case "kill":
      if (!editor) return "Only editors kill a budget line.";
      if (state === "IDEA" || state === "ASSIGNED") return null;
      return state === "KILLED" ? "This line is already killed." : "Its story has started: spike the story to kill it.";
    case "revive":
      if (!editor) return "Only editors revive a budget line.";
      if (state !== "KILLED") return "Only a killed line can be revived.";
      return hasStory ? "Its story was spiked: restore the story to revive it." : null;
    case "startWriting":
      if (state !== "ASSIGNED")
        return state === "IDEA"
          ? "Assign a reporter before starting the story."
          : "This line's story has already been started.";
      return editor || actor.isReporter ? null : "Only the assigned reporter or an editor starts this story.";
  }
}

/** A line's own status after an action (assignments decide between idea and assigned). */
export function storedStatusAfter(action: "assign" | "revive" | "kill", hasReporter: boolean): BudgetStatus {
  if (action === "kill") return "KILLED";
  return hasReporter ? "ASSIGNED" : "IDEA";
}
