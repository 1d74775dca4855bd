import { appEnv } from "@/server/env";
import { isNotModified } from "@/server/http/conditional";
import { errorField, log } from "@/server/log";
import { mediaStore } from "@/server/media/media-store";
import { typeForFileName } from "@/server/media/image-type";
import { SAFE_NAME } from "@/server/media/storage";

/**
 * Serves uploaded media from the media store (the data directory or the S3 bucket); names are
 * checked so no path escapes it. With MASTHEAD_MEDIA_PUBLIC_URL, readers are sent there instead.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  const name = parts.length === 1 ? (parts[0] ?? "") : "";
  const type = SAFE_NAME.test(name) ? typeForFileName(name) : null;
  if (!type) return new Response("Not found", { status: 404 });
  const publicUrl = appEnv().MASTHEAD_MEDIA_PUBLIC_URL;
  if (publicUrl)
    return new Response(null, {
      status: 302,
      headers: { Location: `${publicUrl.replace(/\/+$/, "")}/${name}`, "Cache-Control": "public, max-age=86400" },
    });
  // A stored file never changes under its name (each upload and rendition gets a new one): the
  // name is its entity tag, and a reader that has it is answered without reading the store.
  const etag = `"${name}"`;
  const cached = request.headers.get("if-none-match");
  // ("*" is left out: it would answer 304 for a file that is gone.)
  if (cached && cached.trim() !== "*" && isNotModified("GET", { "if-none-match": cached }, 200, { etag }))
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "public, max-age=86400" } });
  const data = await mediaStore()
    .get(name)
    .catch((error: unknown) => {
      log().error({ media: name, error: errorField(error) }, "reading a media file failed");
      return undefined;
    });
  if (data === undefined) return new Response("The media store cannot be reached.", { status: 503 });
  if (!data) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": type,
      "Cache-Control": "public, max-age=86400",
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
