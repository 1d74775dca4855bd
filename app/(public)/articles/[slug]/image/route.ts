import path from "node:path";
import { appEnv } from "@/server/env";
import { LocalDiskStorage } from "@/server/media/storage";
import { trackPublicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase } from "../../../_site/respond";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

/**
 * The story's share image (og:image, twitter:image, JSON-LD): its hero, under the story's own
 * address, so that when the story is taken down this address is gone too (410) with it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (isBuildPhase()) return buildPlaceholder();
  const { slug } = await params;
  return trackPublicRender(() => shareImage(slug));
}

async function shareImage(slug: string) {
  const found = await publicApi().site.article({ slug });
  if (found.kind === "gone") return new Response("Gone", { status: 410 });
  if (found.kind === "moved")
    return new Response(null, { status: 301, headers: { Location: `/articles/${found.slug}/image` } });
  if (found.kind !== "live" || !found.article.hero) return new Response("Not found", { status: 404 });
  const name = found.article.hero.url.slice("/media/".length);
  const bytes = await new LocalDiskStorage(appEnv().mediaDir).get(name);
  const type = TYPES[path.extname(name).toLowerCase()];
  if (!bytes || !type) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": type } });
}
