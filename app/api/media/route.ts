import { can } from "@/server/auth/permissions";
import { getCurrentUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { errorField, log } from "@/server/log";
import { refuseCrossSite } from "@/server/http/same-origin";
import { mediaStore } from "@/server/media/media-store";
import { MediaStoreError } from "@/server/media/storage";
import { MAX_UPLOAD_BYTES, uploadImage } from "@/server/services/media";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Upload one image (multipart field "file"). Newsroom users only. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const user = await getCurrentUser();
  if (!user) return json(401, { error: "Sign in to upload." });
  if (!can(user.role, "newsroom.access")) return json(403, { error: "Your role cannot upload." });
  // Refuse an oversize body before reading it.
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + 64 * 1024)
    return json(413, { error: `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.` });
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return json(400, { error: "Send the image as multipart/form-data in a field called file." });
  }
  if (!(file instanceof File)) return json(400, { error: "Choose an image to upload." });
  try {
    const media = await uploadImage(getDb(), mediaStore(), user, {
      bytes: Buffer.from(await file.arrayBuffer()),
      originalName: file.name,
    });
    return json(201, media);
  } catch (error) {
    if (error instanceof DomainError) return json(400, { error: error.message });
    if (error instanceof MediaStoreError) {
      log().error({ mediaStore: error.state }, `upload refused: ${error.message}`);
      return json(error.httpStatus, { error: error.message });
    }
    log().error({ error: errorField(error) }, "upload failed");
    return json(500, { error: "The upload could not be stored. Try again." });
  }
}
