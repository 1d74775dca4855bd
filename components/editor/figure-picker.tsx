"use client";

import { useQuery } from "@tanstack/react-query";
import Image from "next/image";
import { useState } from "react";
import { thumbnailUrl } from "@/lib/media";
import { useTRPC } from "@/trpc/client";

/** Choose an image from the media library for a figure; its details can be adjusted here. */
export function FigurePicker() {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<{
    id: string;
    fileName: string;
    width: number;
    height: number;
    alt: string;
    caption: string;
    credit: string;
  } | null>(null);
  const list = useQuery(trpc.media.list.queryOptions({ query: query || undefined, limit: 24 }));
  return (
    <div className="flex flex-col gap-3">
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
        {list.data?.length === 0 ? (
          <p className="col-span-3 text-sm">No images. Upload them in the media library.</p>
        ) : null}
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
              onChange={() =>
                setChosen({
                  id: item.id,
                  fileName: item.fileName,
                  width: item.width,
                  height: item.height,
                  alt: item.alt,
                  caption: item.caption,
                  credit: item.credit,
                })
              }
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
