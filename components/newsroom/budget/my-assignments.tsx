import Link from "next/link";
import { formatDay } from "@/lib/budget";
import type { BudgetLine } from "@/trpc/types";
import { StatusBadge } from "../status-badge";
import { BudgetStateBadge } from "./budget-state-badge";
import { formatDeadline, isOverdue } from "./budget-table";
import { StartWritingButton } from "./start-writing-button";

/** "My assignments" on a person's desk: soonest deadline first, late ones marked. */
export function MyAssignments({
  lines,
  meId,
  now,
  timeZone,
}: {
  lines: BudgetLine[];
  meId: string;
  now: Date;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading" className="mb-4 text-xl font-bold">
        My assignments
      </h2>
      {lines.length === 0 ? (
        <p className="text-neutral-700">
          Nothing assigned to you.{" "}
          <Link href="/newsroom/budget/new" className="underline">
            Propose an idea
          </Link>
          .
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {lines.map((line) => {
            const late = isOverdue(line, now);
            const reporter = line.assignees.some((a) => a.role === "REPORTER" && a.user.id === meId);
            return (
              <li
                key={line.id}
                className={`flex flex-wrap items-center justify-between gap-3 rounded border p-3 ${late ? "border-red-700" : "border-neutral-300"}`}
              >
                <div className="flex flex-col gap-1">
                  <Link href={`/newsroom/budget/${line.id}`} className="font-semibold hover:underline">
                    {line.title}
                  </Link>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <BudgetStateBadge state={line.state} />
                    {line.deadline ? (
                      <span className={late ? "font-semibold text-red-800" : ""}>
                        {late ? "Overdue: was due " : "Due "}
                        <time dateTime={line.deadline.toISOString()}>{formatDeadline(line.deadline, timeZone)}</time>
                      </span>
                    ) : (
                      <span>No deadline</span>
                    )}
                    {line.plannedDay ? <span>· runs {formatDay(line.plannedDay, "short")}</span> : null}
                    {line.targetWords ? <span>· {line.targetWords.toLocaleString("en-GB")} words</span> : null}
                  </p>
                </div>
                {line.article ? (
                  <Link
                    href={`/newsroom/articles/${line.article.id}`}
                    className="inline-flex items-center gap-2 text-sm font-semibold underline"
                  >
                    Open the story <StatusBadge status={line.article.status} />
                  </Link>
                ) : line.state === "ASSIGNED" && reporter ? (
                  <StartWritingButton id={line.id} version={line.version} title={line.title} />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
