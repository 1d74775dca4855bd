import { TRPCError } from "@trpc/server";
import { Pagination } from "@/components/public/pagination";
import { SearchResults } from "@/components/public/search-results";
import { MAX_SEARCH_LENGTH, parsePageParam } from "@/lib/schemas/site";
import { appEnv } from "@/server/env";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import type { SearchPage } from "@/server/services/public-search";
import { publicApi } from "@/trpc/server";
import { notFoundPage, publicPage } from "../_site/respond";

// Every query is different: searched per request (the only public page that reads the database each time).
export const dynamic = "force-dynamic";

/** /search?q=…&page=…: any characters are safe; too long or empty gets a clear message, a page past the end a 404. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  // No control character means anything to a search (and tRPC refuses a NUL): spaces instead.
  const q = (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  const page = parsePageParam(params.get("page") ?? undefined);
  if (page === null) return notFoundPage();
  const href = (n: number) => `/search?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ""}`;
  const head = {
    title: q ? `Search: ${q.slice(0, 60)}` : "Search",
    description: "Search the stories.",
    path: "/search",
    noindex: true,
  };
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;

  let message: string | null = null;
  let found: SearchPage | null = null;
  if (!q) message = "Type a word or two to search the stories.";
  else if (q.length > MAX_SEARCH_LENGTH)
    message = `That search is too long: use at most ${MAX_SEARCH_LENGTH} characters.`;
  else {
    try {
      found = await publicApi(request.headers.get(CLIENT_ADDRESS_HEADER)).site.search({ q, page });
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== "TOO_MANY_REQUESTS") throw error;
      const limited = await publicPage(
        head,
        <>
          <h1 className="font-serif text-4xl font-black">Search</h1>
          <p role="status" className="mt-4 text-lg">
            {error.message}
          </p>
        </>,
        { status: 429, query: q.slice(0, MAX_SEARCH_LENGTH) },
      );
      limited.headers.set("Retry-After", "2");
      return limited;
    }
    if (!found) return notFoundPage();
    if (found.total === 0) message = `No stories match “${q}”. Try fewer or different words.`;
  }
  return publicPage(
    head,
    <>
      <h1 className="font-serif text-4xl font-black">Search</h1>
      {found && found.total > 0 ? (
        <>
          <p role="status" className="mt-2 text-muted">
            {found.more
              ? `More than ${found.total.toLocaleString("en-GB")} stories match “${q}”: the ${found.total.toLocaleString("en-GB")} most recent are shown, best first. Add a word to narrow it.`
              : `${found.total === 1 ? "1 story matches" : `${found.total} stories match`} “${q}”.`}
          </p>
          <SearchResults results={found.results} timeZone={timeZone} />
          <Pagination page={page} pageCount={found.pageCount} href={href} />
        </>
      ) : (
        <p role="status" className="mt-4 text-lg">
          {message}
        </p>
      )}
    </>,
    { query: q.slice(0, MAX_SEARCH_LENGTH) },
  );
}
