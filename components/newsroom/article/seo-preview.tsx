import Image from "next/image";
import type { ArticleDraft } from "./article-draft";

/** Cut at a word boundary, with an ellipsis, as search engines and share cards do. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * How the story will look in a search result and as a shared link, from the SEO fields or
 * what stands in for them (headline, standfirst, hero image).
 */
export function SeoPreview({ draft, siteUrl }: { draft: ArticleDraft; siteUrl: string }) {
  const title = draft.seoTitle.trim() || draft.headline.trim() || "Untitled";
  const description = draft.seoDescription.trim() || draft.standfirst.trim();
  const address = `${siteUrl}/articles/${draft.slug || "…"}`;
  const host = siteUrl.replace(/^https?:\/\//, "");
  return (
    <div className="flex flex-col gap-3" aria-label="Previews">
      <figure className="flex flex-col gap-1">
        <figcaption className="text-xs font-semibold uppercase tracking-wide text-neutral-700">
          In search results
        </figcaption>
        <div className="rounded border border-neutral-300 p-3">
          <p className="truncate text-xs text-neutral-700">{address}</p>
          <p className="text-lg leading-snug text-blue-800">{clip(title, 60)}</p>
          <p className="text-sm text-neutral-800">{description ? clip(description, 160) : "No description yet."}</p>
        </div>
      </figure>
      <figure className="flex flex-col gap-1">
        <figcaption className="text-xs font-semibold uppercase tracking-wide text-neutral-700">When shared</figcaption>
        <div className="overflow-hidden rounded border border-neutral-300">
          {draft.heroImageUrl ? (
            // Decorative here: the preview's text says what the card is.
            <Image
              unoptimized
              src={draft.heroImageUrl}
              alt=""
              width={382}
              height={200}
              className="aspect-[1.91/1] h-auto w-full bg-neutral-100 object-cover"
            />
          ) : (
            <div className="flex aspect-[1.91/1] w-full items-center justify-center bg-neutral-100 text-sm text-neutral-700">
              No hero image: the card has no picture
            </div>
          )}
          <div className="bg-neutral-50 p-3">
            <p className="text-xs uppercase text-neutral-700">{host}</p>
            <p className="font-semibold leading-snug">{clip(title, 90)}</p>
            {description ? <p className="text-sm text-neutral-800">{clip(description, 120)}</p> : null}
          </div>
        </div>
      </figure>
    </div>
  );
}
