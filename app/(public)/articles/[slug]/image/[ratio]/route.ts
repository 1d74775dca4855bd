import { isShareRatio } from "@/lib/share-image";
import { tags } from "@/server/cache/tags";
import { cropShareImage, defaultShareImage } from "@/server/media/share-image";
import { mediaStore } from "@/server/media/media-store";
import { typeForFileName } from "@/server/media/image-type";
import { publicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase } from "../../../../_site/respond";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/**
 * The story's share image in one shape (16x9, 4x3, 1x1): its picture cut around the focal
 * point set in the media library, or the newsroom's card when it has none. Under the story's
 * address, so it goes (410) when the story does.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; ratio: string }> }) {
  if (isBuildPhase()) return buildPlaceholder();
  const { slug, ratio } = await params;
  return publicRender(async (page) => {
    page.add(tags.article(slug));
    if (!isShareRatio(ratio)) return new Response("Not found", { status: 404 });
    const found = await publicApi().site.article({ slug });
    if (found.kind === "gone") return new Response("Gone", { status: 410 });
    if (found.kind === "moved")
      return new Response(null, { status: 301, headers: { Location: `/articles/${found.slug}/image/${ratio}` } });
    if (found.kind !== "live") return new Response("Not found", { status: 404 });
    const hero = found.article.hero;
    const name = hero?.url.slice("/media/".length);
    const bytes = hero && name && typeForFileName(name) ? await mediaStore().get(name) : null;
    if (!hero || !bytes) return png(await defaultShareImage(ratio));
    const jpeg = await cropShareImage(bytes, ratio, { x: hero.focalX, y: hero.focalY });
    return new Response(new Uint8Array(jpeg), { headers: { "Content-Type": "image/jpeg" } });
  });
}

const png = (bytes: Buffer) => new Response(new Uint8Array(bytes), { headers: { "Content-Type": "image/png" } });
