import Link from "next/link";
import { formatDay } from "@/lib/budget";
import { formatTimeInZone } from "@/lib/time-zone";
import { BUDGET_ROLE_LABELS, PRIORITY_LABELS } from "@/lib/schemas/budget";
import type { BudgetLine } from "@/trpc/types";
import { StatusBadge } from "../status-badge";
import { BudgetStateBadge } from "./budget-state-badge";

const dateTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(date)
    .replace(",", "");

/** When a line is planned: its day (in a week's view) and time window. */
export function plannedWhen(line: BudgetLine, timeZone: string, withDay: boolean): string {
  const parts: string[] = [];
  if (withDay && line.plannedDay) parts.push(formatDay(line.plannedDay, "short"));
  if (line.windowStart)
    parts.push(
      line.windowEnd
        ? `${formatTimeInZone(line.windowStart, timeZone)}–${formatTimeInZone(line.windowEnd, timeZone)}`
        : `from ${formatTimeInZone(line.windowStart, timeZone)}`,
    );
  return parts.join(", ") || (line.plannedDay ? "Any time" : "Not dated");
}

export function formatDeadline(deadline: Date, timeZone: string): string {
  return dateTime(deadline, timeZone);
}

/** Whether a line's copy is late: past its deadline and not yet filed. */
export function isOverdue(line: BudgetLine, now: Date): boolean {
  return (
    line.deadline !== null &&
    line.deadline < now &&
    (line.state === "IDEA" || line.state === "ASSIGNED" || line.state === "IN_PROGRESS")
  );
}

/** One section's lines of the budget. */
export function BudgetTable({
  lines,
  caption,
  timeZone,
  now,
  withDay,
}: {
  lines: BudgetLine[];
  caption: string;
  timeZone: string;
  now: Date;
  /** A week's view names each line's day. */
  withDay: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-neutral-400">
            <th scope="col" className="py-2 pr-3">
              Priority
            </th>
            <th scope="col" className="py-2 pr-3">
              Story
            </th>
            <th scope="col" className="py-2 pr-3">
              When
            </th>
            <th scope="col" className="py-2 pr-3">
              Who
            </th>
            <th scope="col" className="py-2 pr-3">
              Deadline
            </th>
            <th scope="col" className="py-2 pr-3">
              Length
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2">
              Copy
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const late = isOverdue(line, now);
            return (
              <tr key={line.id} className="border-b border-neutral-200 align-top">
                <td className="py-2 pr-3">{PRIORITY_LABELS[line.priority] ?? line.priority}</td>
                <td className="py-2 pr-3">
                  <Link href={`/newsroom/budget/${line.id}`} className="font-semibold hover:underline">
                    {line.title}
                  </Link>
                  {line.angle ? <p className="text-neutral-700">{line.angle}</p> : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{plannedWhen(line, timeZone, withDay)}</td>
                <td className="py-2 pr-3">
                  {line.assignees.length === 0 ? (
                    <span className="text-neutral-700">Nobody yet</span>
                  ) : (
                    <ul>
                      {line.assignees.map((a) => (
                        <li key={`${a.user.id}${a.role}`}>
                          {a.user.displayName}{" "}
                          <span className="text-neutral-700">({BUDGET_ROLE_LABELS[a.role].toLowerCase()})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={`py-2 pr-3 whitespace-nowrap ${late ? "font-semibold text-red-800" : ""}`}>
                  {line.deadline ? (
                    <time dateTime={line.deadline.toISOString()}>{formatDeadline(line.deadline, timeZone)}</time>
                  ) : (
                    "—"
                  )}
                  {late ? <span className="block">Overdue</span> : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {line.targetWords ? `${line.targetWords.toLocaleString("en-GB")} words` : "—"}
                </td>
                <td className="py-2 pr-3">
                  <BudgetStateBadge state={line.state} />
                </td>
                <td className="py-2">
                  {line.article ? (
                    <Link href={`/newsroom/articles/${line.article.id}`} className="hover:underline">
                      <StatusBadge status={line.article.status} />
                      <span className="sr-only">: open the story</span>
                    </Link>
                  ) : (
                    <span className="text-neutral-700">Not started</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
