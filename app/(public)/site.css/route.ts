import { publicStylesheet } from "@/server/public-stylesheet";

export const dynamic = "force-static";

/** The public stylesheet; pages link it with its content hash, so browsers may keep it for a year. */
export async function GET() {
  const { css } = await publicStylesheet();
  return new Response(css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
