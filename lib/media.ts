/** Shared by the upload form and the server's limit. */
export const MAX_UPLOAD_MB = 15;
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/avif,image/gif";

export interface MediaItem {
  id: string;
  fileName: string;
  originalName: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  /** Fractions of the width and height from the top left. */
  focalX: number;
  focalY: number;
  renditions: unknown;
}

/** Widths of the renditions made for every upload (only those narrower than the original). */
export const RENDITION_WIDTHS = [480, 960, 1600] as const;
/** Rendition formats, best first: browsers take the first `<source>` they support. */
export const RENDITION_FORMATS = ["avif", "webp"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

const LIBRARY_FILE = /^\/media\/([A-Za-z0-9][A-Za-z0-9_-]{0,150})\.(?:jpe?g|png|webp|avif|gif)$/;

/** The rendition widths an image of this width has. */
export function renditionWidths(width: number): number[] {
  return RENDITION_WIDTHS.filter((w) => w < width);
}

/** The file name of one rendition of a library file (`<stem>-<width>.<format>`). */
export function renditionFileName(stem: string, width: number, format: RenditionFormat): string {
  return `${stem}-${width}.${format}`;
}

/**
 * `<source>` sets for a library image: AVIF then WebP at each rendition width plus the original
 * at its own width. Empty for anything that is not a library file or whose width is unknown.
 */
export function responsiveSources(src: string, width: number | null | undefined): { type: string; srcSet: string }[] {
  const match = LIBRARY_FILE.exec(src);
  if (!match || !width || !Number.isInteger(width) || width <= 0) return [];
  const stem = match[1] ?? "";
  const widths = renditionWidths(width);
  if (widths.length === 0) return [];
  return RENDITION_FORMATS.map((format) => ({
    type: `image/${format}`,
    srcSet: [...widths.map((w) => `/media/${renditionFileName(stem, w, format)} ${w}w`), `${src} ${width}w`].join(", "),
  }));
}

/** The smallest stored WebP rendition (or the original) for thumbnails. */
export function thumbnailUrl(item: Pick<MediaItem, "fileName" | "renditions">): string {
  // A plain <img>, so WebP (which every browser shows), not AVIF.
  const renditions = Array.isArray(item.renditions)
    ? (item.renditions as { fileName?: unknown; format?: unknown }[])
    : [];
  const first = renditions.find((r) => typeof r.fileName === "string" && r.format === "webp");
  return `/media/${typeof first?.fileName === "string" ? first.fileName : item.fileName}`;
}
