import { mediaStore } from "@/server/media/media-store";
import { typeForFileName } from "@/server/media/image-type";
import { SAFE_NAME } from "@/server/media/storage";

/** Serves uploaded media from the media store; names are checked so no path escapes it. */
export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  const name = parts.length === 1 ? (parts[0] ?? "") : "";
  const type = SAFE_NAME.test(name) ? typeForFileName(name) : null;
  if (!type) return new Response("Not found", { status: 404 });
  const data = await mediaStore().get(name);
  if (!data) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}
