import type { BudgetFields } from "@/lib/schemas/budget";

/** A budget line as the form sends it: every field given, these unless said otherwise. */
export const budgetLine = (over: Partial<BudgetFields> = {}): BudgetFields => ({
  title: "Ferry timetable cuts",
  angle: "What the winter timetable means for island commuters",
  sectionId: null,
  priority: 2,
  plannedDay: "2026-11-27",
  windowStart: null,
  windowEnd: null,
  targetWords: null,
  deadline: null,
  assignees: [],
  ...over,
});
