import Link from "next/link";
import { mergeByline } from "@/lib/byline";
import { formatDuration, formatInZone } from "@/lib/time-zone";
import type { DashboardGroup } from "@/trpc/types";

/** One section per group, with its count; each row says what matters for that group. */
export function DashboardGroups({ groups, now, timeZone }: { groups: DashboardGroup[]; now: Date; timeZone: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {groups.map((group) => (
        <section
          key={group.key}
          aria-labelledby={`group-${group.key}`}
          className="rounded border border-neutral-300 p-4"
        >
          <h2 id={`group-${group.key}`} className="flex items-baseline justify-between gap-2 text-lg font-bold">
            <span>{group.title}</span> <span className="rounded-full bg-neutral-200 px-2 text-sm">{group.count}</span>
          </h2>
          {group.rows.length === 0 ? (
            <p className="mt-2 text-sm text-neutral-700">Nothing here.</p>
          ) : (
            <ul className="mt-2 flex flex-col divide-y divide-neutral-200">
              {group.rows.map((row) => (
                <li key={row.id} className="py-2 text-sm">
                  <Link href={`/newsroom/articles/${row.id}`} className="font-semibold hover:underline">
                    {row.headline}
                  </Link>
                  <p className="text-neutral-700">
                    {mergeByline(row.authors, row.contributors)
                      .map((a) => a.displayName)
                      .join(", ")}
                    {group.key === "review"
                      ? ` · waiting ${formatDuration(now.getTime() - row.statusChangedAt.getTime())}`
                      : null}
                    {row.scheduledFor && (group.key === "scheduled" || group.key === "failed")
                      ? ` · ${formatInZone(row.scheduledFor, timeZone)}`
                      : null}
                    {group.key === "published" && row.publishedAt
                      ? ` · ${formatInZone(row.publishedAt, timeZone)}`
                      : null}
                  </p>
                  {group.key === "failed" && row.scheduleFailure ? (
                    <p className="mt-1 text-red-900">{row.scheduleFailure}</p>
                  ) : null}
                  {row.note ? (
                    <p className="mt-1 rounded bg-orange-50 px-2 py-1">Editor&apos;s note: {row.note}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
