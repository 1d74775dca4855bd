"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useState, type FormEvent } from "react";
import { thumbnailUrl, type MediaItem } from "@/lib/media";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../../ui/button";
import { MediaUploader } from "./media-uploader";

function Describe({ item }: { item: MediaItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ caption: item.caption, credit: item.credit, alt: item.alt });
  // The focal point in whole percent from the top left, as typed.
  const [focal, setFocal] = useState({
    x: String(Math.round(item.focalX * 100)),
    y: String(Math.round(item.focalY * 100)),
  });
  const [note, setNote] = useState<string | null>(null);
  const describe = useMutation(
    trpc.media.describe.mutationOptions({
      onSuccess: async () => {
        setNote("Saved");
        await queryClient.invalidateQueries({ queryKey: trpc.media.list.queryKey() });
      },
      onError: (error) => {
        const { fieldErrors, message } = describeError(error);
        setNote(fieldErrors.alt?.[0] ?? fieldErrors.focalX?.[0] ?? fieldErrors.focalY?.[0] ?? message);
      },
    }),
  );
  const field = (key: keyof typeof values, label: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${key}-${item.id}`} className="text-xs font-semibold">
        {label}
      </label>
      <input
        id={`${key}-${item.id}`}
        value={values[key]}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        className="rounded border border-neutral-500 px-2 py-1 text-sm"
      />
    </div>
  );
  const percent = (key: "x" | "y", label: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`focal-${key}-${item.id}`} className="text-xs font-semibold">
        {label}
      </label>
      <input
        id={`focal-${key}-${item.id}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        value={focal[key]}
        onChange={(e) => setFocal((f) => ({ ...f, [key]: e.target.value }))}
        className="w-24 rounded border border-neutral-500 px-2 py-1 text-sm"
      />
    </div>
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const x = Number(focal.x);
    const y = Number(focal.y);
    if (focal.x.trim() === "" || focal.y.trim() === "" || !(x >= 0 && x <= 100 && y >= 0 && y <= 100)) {
      setNote("The focal point is a percentage from 0 to 100 across and down.");
      return;
    }
    describe.mutate({ id: item.id, ...values, focalX: x / 100, focalY: y / 100 });
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      {field("alt", "Alt text")}
      {field("caption", "Caption")}
      {field("credit", "Credit")}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-semibold">Focal point (share images are cut around it)</legend>
        <div className="flex gap-3">
          {percent("x", "Across (%)")}
          {percent("y", "Down (%)")}
        </div>
      </fieldset>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={describe.isPending}>
          Save details
        </Button>
        {note ? (
          <span role="status" className="text-sm">
            {note}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** The description of an image someone else uploaded, for people who may not change it. */
function Description({ item }: { item: MediaItem }) {
  const rows = [
    ["Alt text", item.alt],
    ["Caption", item.caption],
    ["Credit", item.credit],
  ] as const;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-xs font-semibold">{label}</dt>
            <dd>{value || <span className="text-neutral-700">(none)</span>}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-neutral-700">Only its uploader, an editor or an admin can change this description.</p>
    </div>
  );
}

export function MediaLibrary() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const list = useQuery(trpc.media.list.queryOptions({ query: query || undefined, limit: 60 }));
  return (
    <div className="flex flex-col gap-6">
      <MediaUploader onUploaded={() => void queryClient.invalidateQueries({ queryKey: trpc.media.list.queryKey() })} />
      <div className="flex flex-col gap-1">
        <label htmlFor="media-search" className="text-sm font-semibold">
          Search the library
        </label>
        <input
          id="media-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="max-w-md rounded border border-neutral-500 px-3 py-2"
        />
      </div>
      {list.isError ? <p role="alert">Could not load the library: {describeError(list.error).message}</p> : null}
      {list.data?.length === 0 ? <p>No images{query ? " match" : " yet"}.</p> : null}
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {list.data?.map((item) => (
          <li key={item.id} className="flex flex-col gap-2 rounded border border-neutral-300 p-3">
            <Image
              unoptimized
              src={thumbnailUrl(item)}
              alt={item.alt || `Image ${item.originalName} (no alt text yet)`}
              width={480}
              height={Math.round((480 * item.height) / item.width)}
              className="h-auto w-full bg-neutral-100"
              loading="lazy"
            />
            <p className="text-xs text-neutral-700">
              {item.originalName} · {item.width}×{item.height}
            </p>
            {item.canDescribe ? <Describe item={item} /> : <Description item={item} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
