import { formatDateTime } from "../ui/format";

export function Byline({
  authors,
  publishedAt,
}: {
  authors: { user: { id: string; displayName: string } }[];
  publishedAt: Date | null;
}) {
  const names = authors.map((a) => a.user.displayName);
  return (
    <p className="text-sm text-neutral-700">
      {names.length > 0 ? <span className="font-semibold text-neutral-900">By {names.join(", ")}</span> : null}
      {publishedAt ? (
        <>
          {names.length > 0 ? " · " : null}
          <time dateTime={publishedAt.toISOString()}>{formatDateTime(publishedAt)}</time>
        </>
      ) : null}
    </p>
  );
}
