import type { Metadata } from "next";
import Link from "next/link";
import { BudgetTable } from "@/components/newsroom/budget/budget-table";
import { PrintButton } from "@/components/newsroom/budget/print-button";
import { addDays, formatDay, isDay, mondayOf, todayIn } from "@/lib/budget";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";
import type { BudgetLine } from "@/trpc/types";

export const metadata: Metadata = { title: "Story budget" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Lines grouped by section (desk), sections by name, lines without one last. */
function bySection(lines: BudgetLine[]): { name: string; lines: BudgetLine[] }[] {
  const groups = new Map<string, BudgetLine[]>();
  for (const line of lines) {
    const name = line.section?.name ?? "";
    groups.set(name, [...(groups.get(name) ?? []), line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([name, group]) => ({ name: name || "No section", lines: group }));
}

const linkClass = "rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100";

export default async function BudgetPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireNewsroomUser();
  const params = await searchParams;
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const now = serverClock();
  const today = todayIn(now, timeZone);
  const asked = first(params.day);
  const day = asked && isDay(asked) ? asked : today;
  const week = first(params.view) === "week";
  const from = week ? mondayOf(day) : day;
  const to = week ? addDays(from, 6) : day;
  const { lines, more } = await (await api()).budget.list({ from, to });
  const title = week ? `Week of ${formatDay(from)}` : formatDay(day);
  const href = (d: string, w: boolean) => `/newsroom/budget?${w ? "view=week&" : ""}day=${d}`;
  const step = week ? 7 : 1;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Story budget</h1>
          <p className="text-lg">{title}</p>
          {can(me.role, "budget.plan") ? null : (
            <p className="text-sm text-neutral-700">Your ideas and the stories you are on.</p>
          )}
        </div>
        <nav aria-label="Budget days" className="flex flex-wrap items-center gap-2 print:hidden">
          <Link href={href(addDays(day, -step), week)} className={linkClass}>
            {week ? "Previous week" : "Previous day"}
          </Link>
          <Link href={href(today, week)} className={linkClass}>
            Today
          </Link>
          <Link href={href(addDays(day, step), week)} className={linkClass}>
            {week ? "Next week" : "Next day"}
          </Link>
          <Link href={href(day, !week)} className={linkClass}>
            {week ? "Show the day" : "Show the week"}
          </Link>
          <Link href={`/newsroom/budget/calendar?day=${day}`} className={linkClass}>
            Calendar
          </Link>
          <PrintButton />
          <Link
            href={`/newsroom/budget/new?day=${day}`}
            className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700"
          >
            {can(me.role, "budget.plan") ? "Plan a story" : "Propose an idea"}
          </Link>
        </nav>
      </div>
      {lines.length === 0 ? (
        <p className="text-neutral-700">Nothing planned {week ? "this week" : "for this day"} yet.</p>
      ) : (
        bySection(lines).map((group, i) => (
          <section key={group.name} aria-labelledby={`desk-${i}`} className="break-inside-avoid">
            <h2 id={`desk-${i}`} className="mb-2 text-xl font-bold">
              {group.name} <span className="text-base font-normal text-neutral-700">({group.lines.length})</span>
            </h2>
            <BudgetTable
              lines={group.lines}
              caption={`${group.name}: ${title}`}
              timeZone={timeZone}
              now={now}
              withDay={week}
            />
          </section>
        ))
      )}
      {more ? (
        <p role="status" className="text-sm text-neutral-700">
          Showing the first {lines.length} lines: look at one day at a time to see the rest.
        </p>
      ) : null}
    </div>
  );
}
