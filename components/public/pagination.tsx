/** Previous / next links between pages of a list; `href(page)` makes each page's address. */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="no-print mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="font-semibold underline">
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className="font-semibold underline">
          Older stories →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
