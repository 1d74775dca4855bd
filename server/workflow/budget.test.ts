import { describe, expect, it } from "vitest";
import type { ArticleStatus } from "../db/generated/enums";
import {
  BUDGET_ACTIONS,
  BUDGET_STATES,
  budgetRefusal,
  budgetState,
  storedStatusAfter,
  type BudgetAction,
  type BudgetActor,
  type BudgetLineFacts,
  type BudgetState,
} from "./budget";

// The rules restated from the planning issue as the expected table, independently of the code.
type ActorKind = "proposer" | "reporter" | "otherWriter" | "editor" | "admin";
const ACTORS: Record<ActorKind, BudgetActor> = {
  proposer: { role: "WRITER", isCreator: true, isReporter: false },
  reporter: { role: "WRITER", isCreator: false, isReporter: true },
  otherWriter: { role: "WRITER", isCreator: false, isReporter: false },
  editor: { role: "EDITOR", isCreator: false, isReporter: false },
  admin: { role: "ADMIN", isCreator: false, isReporter: false },
};
const EDITORS: ActorKind[] = ["editor", "admin"];

// Every situation a line can be in: the six states, and killed with a spiked story.
type Situation = BudgetState | "KILLED_WITH_STORY";
const SITUATIONS: Situation[] = [...BUDGET_STATES, "KILLED_WITH_STORY"];
const facts = (situation: Situation): BudgetLineFacts =>
  situation === "KILLED_WITH_STORY"
    ? { state: "KILLED", hasStory: true }
    : { state: situation, hasStory: ["IN_PROGRESS", "FILED", "PUBLISHED"].includes(situation) };

const ALLOWED: Record<BudgetAction, (state: Situation, kind: ActorKind) => boolean> = {
  // Editors change any line; a writer changes their own idea until it is assigned.
  edit: (state, kind) => EDITORS.includes(kind) || (kind === "proposer" && state === "IDEA"),
  assign: (state, kind) =>
    EDITORS.includes(kind) && state !== "PUBLISHED" && state !== "KILLED" && state !== "KILLED_WITH_STORY",
  kill: (state, kind) => EDITORS.includes(kind) && (state === "IDEA" || state === "ASSIGNED"),
  revive: (state, kind) => EDITORS.includes(kind) && state === "KILLED",
  // (Killed with a spiked story: the story is restored instead.)
  startWriting: (state, kind) => state === "ASSIGNED" && (EDITORS.includes(kind) || kind === "reporter"),
};

const rows = SITUATIONS.flatMap((state) =>
  BUDGET_ACTIONS.flatMap((action) => (Object.keys(ACTORS) as ActorKind[]).map((actor) => ({ state, action, actor }))),
);

describe("budget line rules", () => {
  it.each(rows)("$actor may $action a line that is $state as the table says", ({ state, action, actor }) => {
    const refusal = budgetRefusal(action, facts(state), ACTORS[actor]);
    if (ALLOWED[action](state, actor)) expect(refusal).toBeNull();
    else expect(refusal).toMatch(/\w.*\.$/);
  });

  it("covers every state × action × role", () => {
    expect(rows).toHaveLength(7 * 5 * 5);
  });

  it.each([
    ["DRAFT", "IN_PROGRESS"],
    ["CHANGES_REQUESTED", "IN_PROGRESS"],
    ["IN_REVIEW", "FILED"],
    ["APPROVED", "FILED"],
    ["SCHEDULED", "FILED"],
    ["PUBLISHED", "PUBLISHED"],
    ["UNPUBLISHED", "IN_PROGRESS"],
    ["SPIKED", "KILLED"],
  ] as [ArticleStatus, BudgetState][])("follows its story: %s is %s, whatever its own status", (article, expected) => {
    for (const stored of ["IDEA", "ASSIGNED", "KILLED"] as const) expect(budgetState(stored, article)).toBe(expected);
  });

  it("is its own status before a story exists", () => {
    expect(budgetState("IDEA", null)).toBe("IDEA");
    expect(budgetState("ASSIGNED", null)).toBe("ASSIGNED");
    expect(budgetState("KILLED", null)).toBe("KILLED");
  });

  it("is assigned once it has a reporter, an idea without; killed when killed", () => {
    expect(storedStatusAfter("assign", true)).toBe("ASSIGNED");
    expect(storedStatusAfter("assign", false)).toBe("IDEA");
    expect(storedStatusAfter("revive", true)).toBe("ASSIGNED");
    expect(storedStatusAfter("revive", false)).toBe("IDEA");
    expect(storedStatusAfter("kill", true)).toBe("KILLED");
  });

  it("says why a writer cannot start someone else's story, and that an idea needs a reporter", () => {
    expect(budgetRefusal("startWriting", facts("ASSIGNED"), ACTORS.otherWriter)).toBe(
      "Only the assigned reporter or an editor starts this story.",
    );
    expect(budgetRefusal("startWriting", facts("IDEA"), ACTORS.editor)).toBe(
      "Assign a reporter before starting the story.",
    );
    expect(budgetRefusal("kill", facts("FILED"), ACTORS.editor)).toBe(
      "Its story has started: spike the story to kill it.",
    );
    expect(budgetRefusal("revive", facts("KILLED_WITH_STORY"), ACTORS.editor)).toBe(
      "Its story was spiked: restore the story to revive it.",
    );
  });
});
