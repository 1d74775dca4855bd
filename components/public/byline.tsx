import { formatInZone } from "@/lib/time-zone";

export interface BylineAuthor {
  displayName: string;
  slug: string;
}

/** Authors (linking to their pages) and machine-readable times in the newsroom's zone. */
export function Byline({
  authors,
  publishedAt,
  updatedAt = null,
  timeZone,
}: {
  authors: BylineAuthor[];
  publishedAt: Date;
  updatedAt?: Date | null;
  timeZone: string;
}) {
  return (
    <p className="text-sm text-muted">
      {authors.length > 0 ? (
        <span className="font-semibold text-ink">
          By{" "}
          {authors.map((author, i) => (
            <span key={author.slug}>
              {i > 0 ? (i === authors.length - 1 ? " and " : ", ") : null}
              <a href={`/authors/${author.slug}`} className="underline-offset-4 hover:underline">
                {author.displayName}
              </a>
            </span>
          ))}
          {" · "}
        </span>
      ) : null}
      <time dateTime={publishedAt.toISOString()}>{formatInZone(publishedAt, timeZone)}</time>
      {updatedAt ? (
        <>
          {" · Updated "}
          <time dateTime={updatedAt.toISOString()}>{formatInZone(updatedAt, timeZone)}</time>
        </>
      ) : null}
    </p>
  );
}
