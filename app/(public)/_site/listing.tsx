import { ArticleCard } from "@/components/public/article-card";
import { Pagination } from "@/components/public/pagination";
import { Picture } from "@/components/public/picture";
import { collectionData } from "@/components/public/structured-data";
import { parsePageParam } from "@/lib/schemas/site";
import { SLUG_PATTERN } from "@/lib/slug";
import { appEnv } from "@/server/env";
import { tags } from "@/server/cache/tags";
import { publicRender } from "@/server/public-cache";
import { siteUrl } from "@/server/site";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase, notFoundPage, publicPage } from "./respond";

export type ListingKind = "section" | "author" | "tag";
const BASE: Record<ListingKind, string> = { section: "/sections", author: "/authors", tag: "/tags" };

/** A section, author or tag page: its stories, newest first, ten to a page; 404 for anything unknown. */
export function listingPage(kind: ListingKind, slug: string, pageParam?: string): Promise<Response> {
  if (isBuildPhase()) return Promise.resolve(buildPlaceholder());
  return publicRender((page) => {
    page.add(tags[kind](slug));
    return buildListing(kind, slug, pageParam);
  });
}

/** The GET handlers of /sections/<slug> and /sections/<slug>/page/<n> (and authors, tags). */
export const listingRoute =
  (kind: ListingKind) =>
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) =>
    listingPage(kind, (await params).slug);
export const listingPageRoute =
  (kind: ListingKind) =>
  async (_request: Request, { params }: { params: Promise<{ slug: string; page: string }> }) => {
    const { slug, page } = await params;
    return listingPage(kind, slug, page);
  };

/** Where a listing's old address leads now: tags renamed or merged, contributors merged. */
export function movedTo(kind: ListingKind, slug: string): Promise<string | null> {
  if (kind === "tag") return publicApi().site.tagMovedTo({ slug });
  if (kind === "author") return publicApi().site.authorMovedTo({ slug });
  return Promise.resolve(null);
}

async function buildListing(kind: ListingKind, slug: string, pageParam?: string): Promise<Response> {
  const page = parsePageParam(pageParam);
  // "/page/1" is the same list as the section's own address: one canonical address per page.
  if (page === null || !SLUG_PATTERN.test(slug) || slug.length > 120 || pageParam === "1") return notFoundPage();
  const list = await publicApi().site.list({ kind, slug, page });
  if (!list) {
    // A renamed or merged tag's old address, or a merged contributor's, leads to the page it
    // became (the same page of it).
    const moved = await movedTo(kind, slug);
    if (!moved) return notFoundPage();
    const to = page === 1 ? `${BASE[kind]}/${moved}` : `${BASE[kind]}/${moved}/page/${page}`;
    return new Response(null, { status: 301, headers: { Location: to } });
  }
  const base = `${BASE[kind]}/${list.owner.slug}`;
  const path = page === 1 ? base : `${base}/page/${page}`;
  const title = kind === "tag" ? `Stories tagged “${list.owner.name}”` : list.owner.name;
  const description =
    kind === "author" && list.owner.bio
      ? list.owner.bio
      : kind === "section"
        ? `The latest ${list.owner.name} stories.`
        : `${title}.`;
  const feeds =
    kind === "tag"
      ? undefined
      : {
          title: kind === "author" ? `Stories by ${list.owner.name}` : list.owner.name,
          rss: `${base}/feed.xml`,
          atom: `${base}/atom.xml`,
        };
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  return publicPage(
    {
      title: page === 1 ? title : `${title} (page ${page})`,
      description,
      path,
      feeds,
      jsonLd: [collectionData(siteUrl(), title, path, description)],
    },
    <>
      <header className="border-b-2 border-ink pb-4">
        {kind === "author" && list.owner.photoUrl ? (
          <div className="mb-3 w-24">
            <Picture
              src={list.owner.photoUrl}
              alt={`Portrait of ${list.owner.name}`}
              width={null}
              height={null}
              sizes="6rem"
              className="h-24 w-24 rounded-full object-cover"
            />
          </div>
        ) : null}
        <p className="text-xs font-bold tracking-widest text-accent uppercase">
          {kind === "section" ? "Section" : kind === "author" ? "Author" : "Tag"}
        </p>
        <h1 className="mt-1 font-serif text-4xl font-black">{title}</h1>
        {kind === "author" && list.owner.bio ? (
          <p className="mt-3 max-w-2xl font-serif text-lg">{list.owner.bio}</p>
        ) : null}
        {feeds ? (
          <p className="no-print mt-2 text-sm">
            <a href={feeds.rss} className="underline">
              RSS feed
            </a>
          </p>
        ) : null}
      </header>
      {list.items.length > 0 ? (
        list.items.map((card) => <ArticleCard key={card.id} article={card} timeZone={timeZone} />)
      ) : (
        <p className="py-8 text-lg text-muted">No stories here yet.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(n) => (n === 1 ? base : `${base}/page/${n}`)} />
    </>,
  );
}
