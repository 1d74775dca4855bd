"use client";

import { useState, type DragEvent } from "react";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_MB, type MediaItem } from "@/lib/media";

/** Picker and drop zone; shows upload progress and the server's answer. */
export function MediaUploader({
  onUploaded,
  id = "media-file",
  compact = false,
}: {
  onUploaded: (item: MediaItem) => void;
  /** The file input's id (unique on the page). */
  id?: string;
  /** Inside a picker: a smaller box, and the alt text is asked for right there. */
  compact?: boolean;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);

  function upload(file: File) {
    setMessage(null);
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) {
      setMessage({ ok: false, text: `${file.name} is larger than ${MAX_UPLOAD_MB} MB.` });
      return;
    }
    const body = new FormData();
    body.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/media");
    request.upload.onprogress = (event) =>
      event.lengthComputable && setProgress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => {
      setProgress(null);
      const answer = (() => {
        try {
          return JSON.parse(request.responseText) as MediaItem & { error?: string };
        } catch {
          return { error: "The server gave no answer." } as MediaItem & { error?: string };
        }
      })();
      if (request.status === 201) {
        setMessage({
          ok: true,
          text: compact
            ? `${file.name} uploaded and chosen. Describe it in the alt text below.`
            : `${file.name} uploaded. Add alt text before using it.`,
        });
        onUploaded(answer);
      } else setMessage({ ok: false, text: answer.error ?? `Upload failed (${request.status}).` });
    };
    request.onerror = () => {
      setProgress(null);
      setMessage({ ok: false, text: "The upload did not reach the server. Check your connection and try again." });
    };
    setProgress(0);
    request.send(body);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) upload(file);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col gap-2 rounded border-2 border-dashed ${compact ? "p-2 text-sm" : "p-4"} ${over ? "border-blue-700 bg-blue-50" : "border-neutral-400"}`}
    >
      <label htmlFor={id} className="font-semibold">
        Upload an image
      </label>
      <p id={`${id}-hint`} className="text-sm text-neutral-700">
        JPEG, PNG, WebP, AVIF or GIF, up to {MAX_UPLOAD_MB} MB. Choose a file or drop it here. Location and camera data
        are removed.
      </p>
      <input
        id={id}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        aria-describedby={`${id}-hint`}
        disabled={progress !== null}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) upload(file);
        }}
      />
      {progress !== null ? (
        <progress max={100} value={progress} aria-label="Upload progress" className="w-full">
          {progress}%
        </progress>
      ) : null}
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-900" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
