import { SITE_NAME } from "@/lib/site";

export interface NavSection {
  name: string;
  slug: string;
}

/** The masthead: the name, the sections and a search box (a plain GET form: no script needed). */
export function SiteHeader({
  sections,
  query = "",
  lang,
}: {
  sections: NavSection[];
  query?: string;
  /** "en" on a page in another language (the site's own words are English). */
  lang?: string;
}) {
  return (
    <header lang={lang} className="border-b-4 border-double border-ink">
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-4 px-4 pt-5 pb-3">
        <a href="/" className="font-serif text-3xl font-black tracking-tight sm:text-4xl">
          {SITE_NAME}
        </a>
        <form action="/search" method="get" role="search" className="no-print flex items-center gap-2">
          <label htmlFor="site-search" className="sr-only">
            Search stories
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            placeholder="Search stories"
            className="w-44 rounded border border-muted bg-page px-3 py-1.5 text-sm sm:w-56"
          />
          <button type="submit" className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-page">
            Search
          </button>
        </form>
      </div>
      {sections.length > 0 ? (
        <nav aria-label="Sections" className="no-print mx-auto max-w-5xl px-4 pb-3">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-semibold">
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={`/sections/${section.slug}`} className="underline-offset-4 hover:underline">
                  {section.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter({ lang }: { lang?: string }) {
  return (
    <footer lang={lang} className="no-print mx-auto mt-12 max-w-5xl border-t border-rule px-4 py-6 text-sm text-muted">
      <p>
        Published with Masthead.{" "}
        <a href="/feed.xml" className="underline">
          RSS
        </a>{" "}
        ·{" "}
        <a href="/atom.xml" className="underline">
          Atom
        </a>{" "}
        ·{" "}
        <a href="/signin" className="underline">
          Newsroom sign-in
        </a>
      </p>
    </footer>
  );
}
