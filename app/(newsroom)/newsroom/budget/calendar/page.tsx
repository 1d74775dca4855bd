import type { Metadata } from "next";
import Link from "next/link";
import { CalendarBoard } from "@/components/newsroom/budget/calendar-board";
import { addDays, formatDay, isDay, mondayOf, todayIn } from "@/lib/budget";
import { requireNewsroomUser } from "@/server/auth/session";
import { serverClock } from "@/server/clock";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Planning calendar" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const linkClass = "rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100";

/** The whole weeks (Monday first) that hold the month `day` is in. */
function monthDays(day: string): string[] {
  const firstOfMonth = `${day.slice(0, 7)}-01`;
  const start = mondayOf(firstOfMonth);
  const nextMonth = addDays(firstOfMonth, 32).slice(0, 7);
  const days: string[] = [];
  for (let d = start; days.length < 42 && !(d.startsWith(nextMonth) && days.length % 7 === 0); d = addDays(d, 1))
    days.push(d);
  return days;
}

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireNewsroomUser();
  const params = await searchParams;
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const today = todayIn(serverClock(), timeZone);
  const asked = first(params.day);
  const day = asked && isDay(asked) ? asked : today;
  const week = first(params.view) === "week";
  const days = week ? Array.from({ length: 7 }, (_, i) => addDays(mondayOf(day), i)) : monthDays(day);
  const calendar = await (await api()).budget.calendar({ from: days[0] ?? day, to: days.at(-1) ?? day });
  const monthName = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" }).format(
    new Date(`${day}T00:00:00Z`),
  );
  const title = week ? `Week of ${formatDay(mondayOf(day))}` : monthName;
  const href = (d: string, w: boolean) => `/newsroom/budget/calendar?${w ? "view=week&" : ""}day=${d}`;
  const previous = week ? addDays(day, -7) : `${addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const next = week ? addDays(day, 7) : `${addDays(`${day.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Planning calendar</h1>
          <p className="text-lg">{title}</p>
          <p className="text-sm text-neutral-700">
            Drag a line or a scheduled story to another day, or use its Move button and the arrow keys; a scheduled
            story keeps its time of day, and you confirm first. Dashed: stories scheduled or published without a budget
            line.
          </p>
        </div>
        <nav aria-label="Calendar" className="flex flex-wrap items-center gap-2 print:hidden">
          <Link href={href(previous, week)} className={linkClass}>
            {week ? "Previous week" : "Previous month"}
          </Link>
          <Link href={href(today, week)} className={linkClass}>
            Today
          </Link>
          <Link href={href(next, week)} className={linkClass}>
            {week ? "Next week" : "Next month"}
          </Link>
          <Link href={href(day, !week)} className={linkClass}>
            {week ? "Show the month" : "Show the week"}
          </Link>
          <Link href={`/newsroom/budget?day=${day}`} className={linkClass}>
            The day&apos;s budget
          </Link>
        </nav>
      </div>
      <CalendarBoard
        days={days}
        month={week ? null : day.slice(0, 7)}
        today={today}
        calendar={calendar}
        timeZone={timeZone}
      />
    </div>
  );
}
