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
  renditions: unknown;
}

/** The smallest stored rendition (or the original) for thumbnails. */
export function thumbnailUrl(item: Pick<MediaItem, "fileName" | "renditions">): string {
  const renditions = Array.isArray(item.renditions) ? (item.renditions as { fileName?: unknown }[]) : [];
  const first = renditions.find((r) => typeof r.fileName === "string");
  return `/media/${typeof first?.fileName === "string" ? first.fileName : item.fileName}`;
}
