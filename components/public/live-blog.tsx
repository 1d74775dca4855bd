import { renderDocument } from "@/lib/content/render";
import { formatInZone } from "@/lib/time-zone";
import type { PublicLiveBlog } from "@/trpc/types";

const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);

/**
 * A live blog's entries on its public page, newest first, without a script: the page says when
 * it last changed and that a reload brings what came since; key events link to their entries.
 */
export function LiveBlog({
  live,
  endedAt,
  feedPath,
  timeZone,
}: {
  live: PublicLiveBlog;
  endedAt: Date | null;
  /** Its Atom feed. */
  feedPath: string;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="live-heading" className="mt-10 border-t-2 border-ink pt-4">
      <h2 id="live-heading" className="font-serif text-2xl font-bold">
        {endedAt ? (
          "Live coverage"
        ) : (
          <>
            Live <span className="sr-only">coverage</span>
          </>
        )}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {endedAt ? (
          <>
            Coverage ended <time dateTime={endedAt.toISOString()}>{formatInZone(endedAt, timeZone)}</time>.
          </>
        ) : (
          <>
            {live.updatedAt ? (
              <>
                Last updated{" "}
                <time dateTime={live.updatedAt.toISOString()}>{formatInZone(live.updatedAt, timeZone)}</time>.{" "}
              </>
            ) : null}
            Reload the page for the latest updates.
          </>
        )}{" "}
        <a href={feedPath} className="underline underline-offset-4">
          Follow the updates in a feed reader (Atom)
        </a>
      </p>
      {live.keyEvents.length > 0 ? (
        <nav aria-labelledby="key-events-heading" className="mt-6">
          <h3 id="key-events-heading" className="font-serif text-lg font-bold">
            Key events
          </h3>
          <ul className="mt-2 flex flex-col gap-1">
            {live.keyEvents.map((event) => (
              <li key={event.id}>
                <a href={`#entry-${event.id}`} className="underline underline-offset-4">
                  <time dateTime={event.at.toISOString()} className="font-semibold">
                    {clock(event.at, timeZone)}
                  </time>{" "}
                  {event.line}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {live.pinned ? (
        <div className="mt-6 border-l-4 border-accent pl-4">
          <p className="text-xs font-bold tracking-widest text-accent uppercase">Pinned</p>
          <Entry entry={live.pinned} timeZone={timeZone} />
        </div>
      ) : null}
      {live.entries.length === 0 ? <p className="mt-6">No updates yet.</p> : null}
      <ol aria-label="Updates, newest first" className="mt-6 flex flex-col divide-y divide-rule">
        {live.entries.map((entry) => (
          <li key={entry.id} id={`entry-${entry.id}`} className="py-4">
            <Entry entry={entry} timeZone={timeZone} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Entry({ entry, timeZone }: { entry: PublicLiveBlog["entries"][number]; timeZone: string }) {
  return (
    <article>
      <p className="text-sm">
        <time dateTime={entry.createdAt.toISOString()} className="font-bold">
          {clock(entry.createdAt, timeZone)}
        </time>
        {entry.author ? <span className="text-muted"> · {entry.author}</span> : null}
        {entry.keyEvent ? <span className="ml-2 font-semibold">{entry.keyEvent}</span> : null}
      </p>
      <div className="article-body mt-2">{renderDocument(entry.body)}</div>
    </article>
  );
}
