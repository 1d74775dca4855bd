import { randomUUID } from "node:crypto";
import type { OutputInfo, Sharp } from "sharp";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import {
  MAX_UPLOAD_MB,
  RENDITION_FORMATS,
  renditionFileName,
  renditionWidths,
  type RenditionFormat,
} from "@/lib/media";
import { can } from "../auth/permissions";
import type { PublicChange } from "../cache/changes";
import { tags as pageTags } from "../cache/tags";
import { LIVE } from "./public-articles";
import { badRequest, forbidden, notFound } from "../errors";
import { extensionFor, sniffImageType, type ImageType } from "../media/image-type";
import type { MediaStorage } from "../media/storage";
import type { SessionUser } from "./users";

export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const MAX_PIXELS = 50_000_000;

/** sharp (libvips) is loaded at the first upload, not by every server that only reads. */
const loadSharp = async () => (await import("sharp")).default;
export interface Rendition {
  width: number;
  format: RenditionFormat;
  fileName: string;
}

function encodeRendition(image: Sharp, format: RenditionFormat): Sharp {
  return format === "avif" ? image.avif({ quality: 55, effort: 2 }) : image.webp({ quality: 80 });
}

/**
 * Writes the AVIF and WebP renditions of a stored master image; returns them smallest first.
 * Names of files written are pushed to `written` as they land, so a caller can clean up.
 */
export async function writeRenditions(
  storage: MediaStorage,
  stem: string,
  master: Buffer,
  width: number,
  written: string[],
): Promise<Rendition[]> {
  const renditions: Rendition[] = [];
  for (const w of renditionWidths(width)) {
    for (const format of RENDITION_FORMATS) {
      const fileName = renditionFileName(stem, w, format);
      await storage.put(
        fileName,
        await encodeRendition((await loadSharp())(master).resize({ width: w }), format).toBuffer(),
      );
      written.push(fileName);
      renditions.push({ width: w, format, fileName });
    }
  }
  return renditions;
}

const mediaSelect = {
  id: true,
  fileName: true,
  originalName: true,
  mimeType: true,
  width: true,
  height: true,
  bytes: true,
  renditions: true,
  caption: true,
  credit: true,
  alt: true,
  focalX: true,
  focalY: true,
  createdAt: true,
  uploader: { select: { displayName: true } },
} as const satisfies Prisma.MediaSelect;

/** Re-encodes in the same format. sharp writes no metadata unless asked, so EXIF (GPS included) is gone. */
function encode(image: Sharp, type: ImageType): Sharp {
  switch (type) {
    case "image/jpeg":
      return image.jpeg({ quality: 88, mozjpeg: true });
    case "image/png":
      return image.png({ compressionLevel: 9 });
    case "image/webp":
      return image.webp({ quality: 85 });
    case "image/avif":
      return image.avif({ quality: 60 });
    case "image/gif":
      return image.gif();
  }
}

/**
 * Stores an uploaded image: the real type from its bytes (a renamed file is refused), size and
 * pixel limits, orientation applied, metadata stripped, AVIF and WebP renditions at several widths. All
 * files are written before the database row; if anything fails, what was written is removed.
 */
export async function uploadImage(
  db: DbOrTx,
  storage: MediaStorage,
  actor: SessionUser,
  upload: { bytes: Buffer; originalName: string },
) {
  if (upload.bytes.length === 0) throw badRequest("The file is empty.", { file: ["The file is empty"] });
  if (upload.bytes.length > MAX_UPLOAD_BYTES) {
    throw badRequest(
      `The file is too large (${(upload.bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB).`,
      { file: ["The file is too large"] },
    );
  }
  const type = sniffImageType(upload.bytes);
  if (!type)
    throw badRequest("That file is not an image: Masthead accepts JPEG, PNG, WebP, AVIF and GIF.", {
      file: ["Not a supported image"],
    });

  let master: { data: Buffer; info: OutputInfo };
  const sharp = await loadSharp();
  try {
    master = await encode(
      sharp(upload.bytes, { limitInputPixels: MAX_PIXELS, animated: type === "image/gif" }).rotate(),
      type,
    ).toBuffer({ resolveWithObject: true });
  } catch {
    throw badRequest(
      `The image could not be read: it may be damaged, or larger than ${MAX_PIXELS / 1_000_000} megapixels.`,
      { file: ["The image could not be read"] },
    );
  }

  const id = randomUUID();
  const fileName = `${id}.${extensionFor(type)}`;
  const written: string[] = [];
  try {
    await storage.put(fileName, master.data);
    written.push(fileName);
    const renditions = await writeRenditions(storage, id, master.data, master.info.width, written);
    return await db.media.create({
      data: {
        id,
        fileName,
        originalName: upload.originalName.slice(0, 255) || fileName,
        mimeType: type,
        width: master.info.width,
        height: master.info.height,
        bytes: master.data.length,
        renditions: renditions as unknown as Prisma.InputJsonValue,
        uploaderId: actor.id,
      },
      select: mediaSelect,
    });
  } catch (error) {
    await Promise.all(written.map((name) => storage.remove(name).catch(() => undefined)));
    throw error;
  }
}

/** Whether `actor` may change an image's caption, credit and alt text: its uploader, editors and admins. */
const mayDescribe = (actor: SessionUser, uploaderId: string) =>
  uploaderId === actor.id || can(actor.role, "media.describeAll");

/**
 * The library, newest first; `query` matches file names, captions, credits and alt text. Each
 * item says whether `actor` may change its description.
 */
export async function listMedia(db: DbOrTx, actor: SessionUser, query: string | undefined, limit: number) {
  const q = query?.trim();
  const rows = await db.media.findMany({
    where: q
      ? {
          OR: (["originalName", "caption", "credit", "alt"] as const).map((field) => ({
            [field]: { contains: q, mode: "insensitive" as const },
          })),
        }
      : {},
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { ...mediaSelect, uploaderId: true },
  });
  return rows.map(({ uploaderId, ...item }) => ({ ...item, canDescribe: mayDescribe(actor, uploaderId) }));
}

export async function describeMedia(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; caption: string; credit: string; alt: string; focalX?: number; focalY?: number },
): Promise<{ item: Prisma.MediaGetPayload<{ select: typeof mediaSelect }>; publicChange: PublicChange | null }> {
  const item = await db.media.findUnique({
    where: { id: input.id },
    select: { uploaderId: true, fileName: true, focalX: true, focalY: true },
  });
  if (!item) throw notFound("That image");
  if (!mayDescribe(actor, item.uploaderId)) {
    throw forbidden("Only the person who uploaded this image, an editor or an admin can change its description.");
  }
  const focalX = input.focalX ?? item.focalX;
  const focalY = input.focalY ?? item.focalY;
  const saved = await db.media.update({
    where: { id: input.id },
    data: { caption: input.caption, credit: input.credit, alt: input.alt, focalX, focalY },
    select: mediaSelect,
  });
  // A new focal point re-crops the share images of the live stories it heads (the caption and
  // the rest were copied into each story when it was chosen: they change nothing public).
  if (focalX === item.focalX && focalY === item.focalY) return { item: saved, publicChange: null };
  const heading = await db.article.findMany({
    where: { ...LIVE, liveRevision: { heroImageUrl: `/media/${item.fileName}` } },
    select: { slug: true },
  });
  return {
    item: saved,
    publicChange: heading.length > 0 ? { tags: heading.map((a) => pageTags.article(a.slug)), takedown: false } : null,
  };
}
