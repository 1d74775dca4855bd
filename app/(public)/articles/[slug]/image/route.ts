import { typeForFileName } from "@/server/media/image-type";
import { mediaStore } from "@/server/media/media-store";
import { tags } from "@/server/cache/tags";
import { publicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase } from "../../../_site/respond";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/**
 * The story's share image (og:image, twitter:image, JSON-LD): its hero, under the story's own
 * address, so that when the story is taken down this address is gone too (410) with it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (isBuildPhase()) return buildPlaceholder();
  const { slug } = await params;
  return publicRender((page) => {
    page.add(tags.article(slug));
    return shareImage(slug);
  });
}

async function shareImage(slug: string) {
  const found = await publicApi().site.article({ slug });
  if (found.kind === "gone") return new Response("Gone", { status: 410 });
  if (found.kind === "moved")
    return new Response(null, { status: 301, headers: { Location: `/articles/${found.slug}/image` } });
  if (found.kind !== "live" || !found.article.hero) return new Response("Not found", { status: 404 });
  const name = found.article.hero.url.slice("/media/".length);
  const type = typeForFileName(name);
  const bytes = type ? await mediaStore().get(name) : null;
  if (!bytes || !type) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": type } });
}
