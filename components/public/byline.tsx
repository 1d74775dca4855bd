import { formatInZone } from "@/lib/time-zone";

export function Byline({
  authors,
  publishedAt,
  updatedAt = null,
  timeZone,
}: {
  authors: { user: { id: string; displayName: string } }[];
  publishedAt: Date | null;
  updatedAt?: Date | null;
  timeZone: string;
}) {
  const names = authors.map((a) => a.user.displayName);
  return (
    <p className="text-sm text-neutral-700">
      {names.length > 0 ? <span className="font-semibold text-neutral-900">By {names.join(", ")}</span> : null}
      {publishedAt ? (
        <>
          {names.length > 0 ? " · " : null}
          <time dateTime={publishedAt.toISOString()}>{formatInZone(publishedAt, timeZone)}</time>
        </>
      ) : null}
      {updatedAt ? (
        <>
          {" · Updated "}
          <time dateTime={updatedAt.toISOString()}>{formatInZone(updatedAt, timeZone)}</time>
        </>
      ) : null}
    </p>
  );
}
