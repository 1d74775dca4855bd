import { responsiveSources } from "@/lib/media";

/**
 * A library image with AVIF and WebP renditions. Width and height are set whenever known, so
 * the browser reserves the space before the image arrives (no layout shift).
 */
export function Picture({
  src,
  alt,
  width,
  height,
  sizes,
  eager = false,
  className,
}: {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const sources = responsiveSources(src, width);
  return (
    <picture>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={src}
        alt={alt}
        {...(width && height ? { width, height } : {})}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        {...(eager ? { fetchPriority: "high" as const } : {})}
        className={className}
      />
    </picture>
  );
}
