import Image from "next/image";

export function HeroFigure({
  url,
  alt,
  caption,
  credit,
  priority = false,
}: {
  url: string;
  alt: string;
  caption?: string | null;
  credit?: string | null;
  priority?: boolean;
}) {
  return (
    <figure className="my-6">
      <Image
        src={url}
        alt={alt}
        width={1600}
        height={900}
        priority={priority}
        unoptimized
        sizes="(min-width: 1024px) 960px, 100vw"
        className="h-auto w-full bg-neutral-100"
      />
      {caption || credit ? (
        <figcaption className="mt-2 text-sm text-neutral-700">
          {caption}
          {credit ? <span className="ml-1 text-neutral-600">Photo: {credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
