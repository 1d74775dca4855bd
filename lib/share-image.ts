/**
 * Share images (OpenGraph, Twitter, JSON-LD): each story offers its picture in the three
 * shapes Google asks for, cropped around the picture's focal point. Pure geometry here; the
 * pixels are cut on the server (server/media/share-image.ts).
 */

export const SHARE_RATIOS = { "16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1 } as const;
export type ShareRatio = keyof typeof SHARE_RATIOS;
/** Every shape 1200 pixels wide (Google's minimum for large images in results is 1200). */
export const SHARE_WIDTH = 1200;

export const isShareRatio = (value: string): value is ShareRatio => Object.hasOwn(SHARE_RATIOS, value);

export function shareSize(ratio: ShareRatio): { width: number; height: number } {
  return { width: SHARE_WIDTH, height: Math.round(SHARE_WIDTH / SHARE_RATIOS[ratio]) };
}

/**
 * The largest box of `ratio` inside a `width` × `height` picture, centred on the focal point
 * (fractions from the top left) as far as the picture's edges allow.
 */
export function cropAround(
  width: number,
  height: number,
  ratio: ShareRatio,
  focal: { x: number; y: number },
): { left: number; top: number; width: number; height: number } {
  const r = SHARE_RATIOS[ratio];
  const cropWidth = Math.max(1, Math.min(width, Math.round(height * r)));
  const cropHeight = Math.max(1, Math.min(height, Math.round(cropWidth / r)));
  const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.round(value)), max);
  const fx = Math.min(Math.max(focal.x, 0), 1);
  const fy = Math.min(Math.max(focal.y, 0), 1);
  return {
    left: clamp(fx * width - cropWidth / 2, width - cropWidth),
    top: clamp(fy * height - cropHeight / 2, height - cropHeight),
    width: cropWidth,
    height: cropHeight,
  };
}
