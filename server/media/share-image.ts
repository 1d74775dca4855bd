import { readFile } from "node:fs/promises";
import path from "node:path";
import { cropAround, shareSize, type ShareRatio } from "@/lib/share-image";

/** sharp (libvips) is loaded when a share image is first cut, not by every server that only reads. */
const loadSharp = async () => (await import("sharp")).default;
/** A picture larger than this is not decoded (uploads are held to the same: services/media.ts). */
const MAX_PIXELS = 50_000_000;

/** A story's picture cut to `ratio` around its focal point, 1200 pixels wide, as JPEG. */
export async function cropShareImage(
  bytes: Buffer,
  ratio: ShareRatio,
  focal: { x: number; y: number },
): Promise<Buffer> {
  const sharp = await loadSharp();
  // Upright first (the stored original has no orientation tag left, but a file from before may).
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const box = cropAround(info.width, info.height, ratio, focal);
  const size = shareSize(ratio);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract(box)
    .resize(size.width, size.height)
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}

/** The card's paper and the band under the logo (the site's own colours). */
const PAPER = "#f6f1e7";
const BAND = "#991b1b";
const made = new Map<ShareRatio, Promise<Buffer>>();

/**
 * The newsroom's share image for pages and stories without a picture: its logo on a paper card
 * with a coloured band, in each shape. Made once per process from public/logo.png.
 */
export function defaultShareImage(ratio: ShareRatio): Promise<Buffer> {
  let image = made.get(ratio);
  if (!image) {
    image = makeCard(ratio);
    image.catch(() => made.delete(ratio));
    made.set(ratio, image);
  }
  return image;
}

async function makeCard(ratio: ShareRatio): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height } = shareSize(ratio);
  const logo = await sharp(await readFile(path.join(process.cwd(), "public", "logo.png")))
    .resize({ width: Math.round(width * 0.6), fit: "inside" })
    .toBuffer();
  const band = Math.round(height * 0.06);
  return sharp({ create: { width, height, channels: 3, background: PAPER } })
    .composite([
      { input: logo, gravity: "centre" },
      {
        input: { create: { width, height: band, channels: 3, background: BAND } },
        top: height - band,
        left: 0,
      },
    ])
    .png()
    .toBuffer();
}
