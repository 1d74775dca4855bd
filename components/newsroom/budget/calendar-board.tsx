"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type KeyboardEvent } from "react";
import { addDays, formatDay } from "@/lib/budget";
import { formatTimeInZone } from "@/lib/time-zone";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { BudgetStateBadge } from "./budget-state-badge";

type Calendar = RouterOutputs["budget"]["calendar"];
type Line = Calendar["lines"][number];

/**
 * The calendar's days, each with its lines and stories. A line someone may move is dragged
 * to another day, or moved from the keyboard: its Move button picks it up, the arrows choose
 * a day (a week with up and down), Enter puts it there and Escape leaves it.
 */
export function CalendarBoard({
  days,
  month,
  today,
  calendar,
  timeZone,
}: {
  /** Every day shown, Monday first, whole weeks. */
  days: string[];
  /** The month a month view is of ("YYYY-MM"); days outside it are dimmed. Null for a week. */
  month: string | null;
  today: string;
  calendar: Calendar;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  // Moves shown at once, before the server answers; taken back if it refuses.
  const [moved, setMoved] = useState<Record<string, string>>({});
  // The version each move answered with: a second move before the page refreshes builds on it.
  const [versions, setVersions] = useState<Record<string, number>>({});
  const [picked, setPicked] = useState<{ line: Line; day: string } | null>(null);
  const [said, setSaid] = useState("");
  const [error, setError] = useState<string | null>(null);
  const move = useMutation(trpc.budget.move.mutationOptions());

  const dayOf = (line: Line) => moved[line.id] ?? line.plannedDay;

  function put(line: Line, day: string) {
    if (day === dayOf(line)) return;
    const before = dayOf(line);
    setMoved((m) => ({ ...m, [line.id]: day }));
    setError(null);
    move.mutate(
      { id: line.id, version: Math.max(line.version, versions[line.id] ?? 0), plannedDay: day },
      {
        onSuccess: (updated) => {
          setVersions((v) => ({ ...v, [line.id]: updated.version }));
          setSaid(`Moved “${line.title}” to ${formatDay(day)}.`);
          router.refresh();
        },
        onError: (failure) => {
          setMoved((m) => ({ ...m, [line.id]: before }));
          setError(`“${line.title}” was not moved: ${describeError(failure).message}`);
        },
      },
    );
  }

  function onMoveKey(event: KeyboardEvent<HTMLButtonElement>, line: Line) {
    if (!picked || picked.line.id !== line.id) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const day = addDays(picked.day, step);
      setPicked({ line, day });
      setSaid(`${formatDay(day)}. Enter to move it there, Escape to leave it.`);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setPicked(null);
      put(line, picked.day);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setPicked(null);
      setSaid(`“${line.title}” stays on ${formatDay(dayOf(line))}.`);
    }
  }

  const byDay = (day: string) => calendar.lines.filter((line) => dayOf(line) === day);
  const stories = (day: string) => calendar.stories.filter((story) => story.day === day);

  return (
    <div className="flex flex-col gap-3">
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ol className="grid grid-cols-1 gap-px border border-neutral-300 bg-neutral-300 sm:grid-cols-7">
        {days.map((day) => {
          const outside = month !== null && !day.startsWith(month);
          const target = picked?.day === day;
          return (
            <li
              key={day}
              aria-label={formatDay(day)}
              data-day={day}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                const line = calendar.lines.find((l) => l.id === event.dataTransfer.getData("text/plain"));
                if (line?.movable) put(line, day);
              }}
              className={`flex min-h-28 flex-col gap-1 p-1.5 ${outside ? "bg-neutral-50" : "bg-white"} ${target ? "outline outline-3 -outline-offset-3 outline-sky-700" : ""}`}
            >
              <p
                className={`text-xs font-semibold ${day === today ? "text-sky-800 underline" : outside ? "text-neutral-600" : "text-neutral-800"}`}
              >
                {formatDay(day, "short")}
                {day === today ? <span className="sr-only"> (today)</span> : null}
              </p>
              <ul className="flex flex-col gap-1">
                {byDay(day).map((line) => (
                  <li
                    key={line.id}
                    draggable={line.movable}
                    onDragStart={(event) => {
                      event.dataTransfer.setData("text/plain", line.id);
                      event.dataTransfer.effectAllowed = "move";
                    }}
                    className={`rounded border border-neutral-300 bg-neutral-50 p-1 text-xs ${line.movable ? "cursor-grab" : ""} ${picked?.line.id === line.id ? "ring-2 ring-sky-700" : ""}`}
                  >
                    <Link href={`/newsroom/budget/${line.id}`} className="block font-semibold hover:underline">
                      {line.windowStart ? `${formatTimeInZone(line.windowStart, timeZone)} ` : ""}
                      {line.title}
                    </Link>
                    <span className="flex flex-wrap items-center gap-1">
                      <BudgetStateBadge state={line.state} />
                      {line.section ? <span>{line.section}</span> : null}
                      {line.movable ? (
                        <button
                          type="button"
                          className="ml-auto rounded border border-neutral-400 px-1 hover:bg-neutral-100 print:hidden"
                          aria-label={`Move “${line.title}”`}
                          aria-pressed={picked?.line.id === line.id}
                          onClick={() => {
                            if (picked?.line.id === line.id) return;
                            setPicked({ line, day: dayOf(line) });
                            setSaid(
                              `Moving “${line.title}” from ${formatDay(dayOf(line))}. Arrows choose a day, up and down a week; Enter moves it, Escape leaves it.`,
                            );
                          }}
                          onKeyDown={(event) => onMoveKey(event, line)}
                          onBlur={() => {
                            if (picked?.line.id === line.id) setPicked(null);
                          }}
                        >
                          Move
                        </button>
                      ) : null}
                    </span>
                  </li>
                ))}
                {stories(day).map((story) => (
                  <li key={story.id} className="rounded border border-dashed border-neutral-400 p-1 text-xs">
                    <Link href={`/newsroom/articles/${story.id}`} className="block hover:underline">
                      {formatTimeInZone(story.at, timeZone)} {story.headline}
                    </Link>
                    <span className="text-neutral-700">{story.kind === "scheduled" ? "Scheduled" : "Published"}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
