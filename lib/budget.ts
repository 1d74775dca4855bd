// The story budget's states and days, shared by the server and the newsroom's pages. Days are
// "YYYY-MM-DD" on the newsroom's calendar.

export const BUDGET_STATES = ["IDEA", "ASSIGNED", "IN_PROGRESS", "FILED", "PUBLISHED", "KILLED"] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

export const BUDGET_STATE_LABELS: Record<BudgetState, string> = {
  IDEA: "Idea",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  FILED: "Filed",
  PUBLISHED: "Published",
  KILLED: "Killed",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a day that exists, as "YYYY-MM-DD". */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The day `n` days after `day` (before, for a negative n). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week `day` is in (newsroom weeks start on Monday). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Today on the newsroom's calendar. */
export function todayIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "Wednesday 2 December 2026" (or "Wed 2 Dec" short). */
export function formatDay(day: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style,
    ...(style === "long" ? { year: "numeric" } : {}),
  })
    .format(new Date(`${day}T00:00:00Z`))
    .replace(",", "");
}
