"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useState } from "react";
import { thumbnailUrl, type MediaItem } from "@/lib/media";
import { useTRPC } from "@/trpc/client";
import { MediaUploader } from "../newsroom/media/media-uploader";

type Chosen = Pick<MediaItem, "id" | "fileName" | "width" | "height" | "alt" | "caption" | "credit">;

const choice = (item: MediaItem): Chosen => ({
  id: item.id,
  fileName: item.fileName,
  width: item.width,
  height: item.height,
  alt: item.alt,
  caption: item.caption,
  credit: item.credit,
});

/**
 * Choose an image from the media library for a figure or a hero, or upload one (the library's
 * own checks) without leaving the article; its details can be adjusted here.
 */
export function FigurePicker() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const list = useQuery(trpc.media.list.queryOptions({ query: query || undefined, limit: 24 }));
  return (
    <div className="flex flex-col gap-3">
      <MediaUploader
        id="picker-upload"
        compact
        onUploaded={(item) => {
          // The new image leads the list; it is chosen at once.
          setQuery("");
          setChosen(choice(item));
          void queryClient.invalidateQueries({ queryKey: trpc.media.list.queryKey() });
        }}
      />
      <label htmlFor="figure-search" className="text-sm font-semibold">
        Search the library
      </label>
      <input
        id="figure-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="rounded border border-neutral-500 px-3 py-2"
      />
      <fieldset className="grid max-h-64 grid-cols-3 gap-2 overflow-y-auto">
        <legend className="sr-only">Images</legend>
        {list.data?.length === 0 ? <p className="col-span-3 text-sm">No images yet: upload one above.</p> : null}
        {list.data?.map((item) => (
          <label
            key={item.id}
            className="flex cursor-pointer flex-col gap-1 rounded border border-neutral-300 p-1 text-xs has-[:checked]:border-blue-700 has-[:checked]:ring-2 has-[:checked]:ring-blue-700"
          >
            <input
              type="radio"
              name="fileName"
              value={item.fileName}
              className="sr-only"
              aria-label={item.alt || item.originalName}
              checked={chosen?.id === item.id}
              onChange={() => setChosen(choice(item))}
            />
            <Image
              unoptimized
              src={thumbnailUrl(item)}
              alt=""
              width={160}
              height={Math.round((160 * item.height) / item.width)}
              className="h-auto w-full"
            />
            <span className="truncate">{item.alt || item.originalName}</span>
          </label>
        ))}
      </fieldset>
      {chosen ? (
        <div key={chosen.id} className="flex flex-col gap-2">
          {/* Chosen by uploading, it may not be in the list shown (a search was typed). */}
          {list.data?.some((item) => item.id === chosen.id) ? null : (
            <input type="hidden" name="fileName" value={chosen.fileName} />
          )}
          <input type="hidden" name="width" value={chosen.width} />
          <input type="hidden" name="height" value={chosen.height} />
          {(["alt", "caption", "credit"] as const).map((field) => (
            <div key={field} className="flex flex-col gap-1">
              <label htmlFor={`figure-${field}`} className="text-sm font-semibold">
                {field === "alt" ? "Alt text" : field === "caption" ? "Caption" : "Credit"}
              </label>
              <input
                id={`figure-${field}`}
                name={field}
                defaultValue={chosen[field]}
                className="rounded border border-neutral-500 px-3 py-2"
              />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export interface ImageChoice {
  src: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

/** What a form holding a FigurePicker chose, or why it cannot be used yet. */
export function readImageChoice(form: FormData): ImageChoice | { error: string } {
  const value = (name: string) => String(form.get(name) ?? "").trim();
  if (!value("fileName")) return { error: "Choose an image." };
  if (!value("alt")) return { error: "Describe the image in the alt text." };
  const size = (name: string) =>
    Number.isInteger(Number(value(name))) && Number(value(name)) > 0 ? Number(value(name)) : null;
  return {
    src: `/media/${value("fileName")}`,
    width: size("width"),
    height: size("height"),
    alt: value("alt"),
    caption: value("caption"),
    credit: value("credit"),
  };
}
