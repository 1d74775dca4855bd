import { isShareRatio } from "@/lib/share-image";
import { defaultShareImage } from "@/server/media/share-image";
import { publicRender } from "@/server/public-cache";
import { buildPlaceholder, isBuildPhase } from "../../_site/respond";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/** The newsroom's share image (its logo on a card) in one shape: home, section, author and tag pages. */
export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string }> }) {
  if (isBuildPhase()) return buildPlaceholder();
  const { ratio } = await params;
  return publicRender(async (page) => {
    page.add("share-image");
    if (!isShareRatio(ratio)) return new Response("Not found", { status: 404 });
    const bytes = await defaultShareImage(ratio);
    return new Response(new Uint8Array(bytes), { headers: { "Content-Type": "image/png" } });
  });
}
