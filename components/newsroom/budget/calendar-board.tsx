"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { addDays, formatDay } from "@/lib/budget";
import { formatTimeInZone, toZonedInput } from "@/lib/time-zone";
import { AskFirstDialog } from "@/components/ui/ask-first";
import { describeError } from "@/trpc/errors";
import { useTRPCClient } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { BudgetStateBadge } from "./budget-state-badge";
import { CalendarEntry } from "./calendar-entry";

type Calendar = RouterOutputs["budget"]["calendar"];
type Line = Calendar["lines"][number];
type Story = Calendar["stories"][number];

/** A line or a story as the board shows and moves it. */
interface Entry {
  /** What a drag carries: "line:…" or "story:…". */
  key: string;
  kind: "line" | "story";
  title: string;
  version: number;
  /** Its day as stored. */
  day: string;
  movable: boolean;
  /** When the story that moves with it goes live, if one does. */
  goesLive: Date | null;
  card: ReturnType<typeof lineCard>;
  /** Asks the server to move it to `day`; answers its new version. */
  send: (day: string, version: number, confirmed: boolean) => Promise<{ version: number }>;
}

/**
 * The calendar's days, each with its lines and stories. A line or a scheduled story someone
 * may move is dragged to another day, or moved from the keyboard: its Move button picks it
 * up, the arrows choose a day (a week with up and down), Enter puts it there and Escape leaves
 * it. A scheduled story (alone, or as a line's story) asks first and keeps its time of day.
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
  const client = useTRPCClient();
  const router = useRouter();
  // Moves shown at once, before the server answers; taken back if it refuses.
  const [moved, setMoved] = useState<Record<string, string>>({});
  // The version each move answered with: a second move before the page refreshes builds on it.
  const [versions, setVersions] = useState<Record<string, number>>({});
  const [picked, setPicked] = useState<{ key: string; day: string } | null>(null);
  const [asking, setAsking] = useState<{ entry: Entry; day: string } | null>(null);
  // The entry whose Move button gets the focus back once it is in its new place (keyboard moves).
  const refocus = useRef<string | null>(null);
  const [said, setSaid] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!refocus.current || asking) return;
    document.querySelector<HTMLButtonElement>(`button[data-move="${CSS.escape(refocus.current)}"]`)?.focus();
    refocus.current = null;
  });

  const entries: Entry[] = [
    ...calendar.lines.map((line): Entry => ({
      key: `line:${line.id}`,
      kind: "line",
      title: line.title,
      version: line.version,
      day: line.plannedDay,
      movable: line.movable,
      goesLive: line.storyScheduledFor,
      card: lineCard(line, timeZone),
      send: (day, version, confirmed) =>
        client.budget.move.mutate({ id: line.id, version, plannedDay: day, reschedule: confirmed || undefined }),
    })),
    ...calendar.stories.map((story): Entry => ({
      key: `story:${story.id}`,
      kind: "story",
      title: story.headline,
      version: story.version,
      day: story.day,
      movable: story.movable,
      goesLive: story.kind === "scheduled" ? story.at : null,
      card: storyCard(story, timeZone),
      send: (day, version) =>
        client.workflow.reschedule.mutate({
          id: story.id,
          version,
          scheduledFor: `${day}T${formatTimeInZone(story.at, timeZone)}`,
        }),
    })),
  ];
  const dayOf = (entry: Entry) => moved[entry.key] ?? entry.day;

  /** What to confirm before moving `entry` to `day`; null when it moves no publishing time. */
  function askFor(entry: Entry, day: string) {
    const at = entry.goesLive;
    if (!at) return null;
    const time = formatTimeInZone(at, timeZone);
    const from = toZonedInput(at, timeZone).slice(0, 10);
    if (from === day) return null;
    const when = `${formatDay(day)} at ${time} instead of ${formatDay(from)}`;
    return entry.kind === "line"
      ? {
          title: `Move “${entry.title}” and reschedule its story?`,
          text: `Its story is scheduled: it will go live on ${when}.`,
          label: "Move and reschedule",
        }
      : { title: `Reschedule “${entry.title}”?`, text: `It will go live on ${when}.`, label: "Reschedule" };
  }

  function put(entry: Entry, day: string, confirmed = false) {
    if (day === dayOf(entry)) return;
    if (!confirmed && askFor(entry, day)) {
      setAsking({ entry, day });
      return;
    }
    const before = dayOf(entry);
    const version = Math.max(entry.version, versions[entry.key] ?? 0);
    setMoved((m) => ({ ...m, [entry.key]: day }));
    setError(null);
    entry.send(day, version, confirmed).then(
      (updated) => {
        setVersions((v) => ({ ...v, [entry.key]: updated.version }));
        setSaid(`${entry.kind === "story" ? "Rescheduled" : "Moved"} “${entry.title}” to ${formatDay(day)}.`);
        router.refresh();
      },
      (failure: unknown) => {
        setMoved((m) => ({ ...m, [entry.key]: before }));
        setError(`“${entry.title}” was not moved: ${describeError(failure).message}`);
      },
    );
  }

  function onMoveKey(event: KeyboardEvent<HTMLButtonElement>, entry: Entry) {
    if (!picked || picked.key !== entry.key) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const day = addDays(picked.day, step);
      setPicked({ key: entry.key, day });
      setSaid(`${formatDay(day)}. Enter to move it there, Escape to leave it.`);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setPicked(null);
      refocus.current = entry.key;
      put(entry, picked.day);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setPicked(null);
      setSaid(`“${entry.title}” stays on ${formatDay(dayOf(entry))}.`);
    }
  }

  function pick(entry: Entry) {
    if (picked?.key === entry.key) return;
    setPicked({ key: entry.key, day: dayOf(entry) });
    setSaid(
      `Moving “${entry.title}” from ${formatDay(dayOf(entry))}. Arrows choose a day, up and down a week; Enter moves it, Escape leaves it.`,
    );
  }

  const ask = asking ? askFor(asking.entry, asking.day) : null;

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
          return (
            <li
              key={day}
              aria-label={formatDay(day)}
              data-day={day}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                const entry = entries.find((e) => e.key === event.dataTransfer.getData("text/plain"));
                if (entry?.movable) put(entry, day);
              }}
              className={`flex min-h-12 flex-col gap-1 p-1.5 sm:min-h-28 ${outside ? "bg-neutral-50" : "bg-white"} ${picked?.day === day ? "outline outline-3 -outline-offset-3 outline-sky-700" : ""}`}
            >
              <p
                className={`text-xs font-semibold ${day === today ? "text-sky-800 underline" : outside ? "text-neutral-600" : "text-neutral-800"}`}
              >
                {formatDay(day, "short")}
                {day === today ? <span className="sr-only"> (today)</span> : null}
              </p>
              <ul className="flex flex-col gap-1">
                {entries
                  .filter((entry) => dayOf(entry) === day)
                  .map((entry) => (
                    <CalendarEntry
                      key={entry.key}
                      entryKey={entry.key}
                      title={entry.title}
                      {...entry.card}
                      movable={entry.movable}
                      picked={picked?.key === entry.key}
                      onPick={() => pick(entry)}
                      onMoveKey={(event) => onMoveKey(event, entry)}
                      onLeave={() => {
                        if (picked?.key === entry.key) setPicked(null);
                      }}
                    />
                  ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {asking && ask ? (
        <AskFirstDialog
          id="calendar-reschedule"
          ask={ask}
          busy={false}
          onCancel={() => {
            setAsking(null);
            setSaid(`“${asking.entry.title}” stays on ${formatDay(dayOf(asking.entry))}.`);
          }}
          onConfirm={() => {
            setAsking(null);
            put(asking.entry, asking.day, true);
          }}
        />
      ) : null}
    </div>
  );
}

function lineCard(line: Line, timeZone: string) {
  return {
    href: `/newsroom/budget/${line.id}`,
    heading: `${line.windowStart ? `${formatTimeInZone(line.windowStart, timeZone)} ` : ""}${line.title}`,
    dashed: false,
    details: (
      <>
        <BudgetStateBadge state={line.state} />
        {line.section ? <span>{line.section}</span> : null}
        {line.storyScheduledFor ? (
          <span className="text-neutral-700">Goes live {formatTimeInZone(line.storyScheduledFor, timeZone)}</span>
        ) : null}
      </>
    ),
  };
}

function storyCard(story: Story, timeZone: string) {
  return {
    href: `/newsroom/articles/${story.id}`,
    heading: `${formatTimeInZone(story.at, timeZone)} ${story.headline}`,
    dashed: true,
    details: <span className="text-neutral-700">{story.kind === "scheduled" ? "Scheduled" : "Published"}</span>,
  };
}
