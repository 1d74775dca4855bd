"use client";

import { useState, type FormEvent } from "react";
import { MAX_BIO_LENGTH } from "@/lib/schemas/user";
import { useTRPCClient } from "@/trpc/client";
import { Button } from "../ui/button";
import { LibraryImagePicker } from "./media/library-image-picker";

interface Profile {
  displayName: string;
  slug: string;
  bio: string;
  photoUrl: string | null;
}

/** The author page readers see: a short biography and a portrait from the media library. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const client = useTRPCClient();
  const [bio, setBio] = useState(profile.bio);
  const [photoUrl, setPhotoUrl] = useState(profile.photoUrl ?? "");
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({
    kind: "idle",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: "saving" });
    try {
      await client.user.updateProfile.mutate({ bio, photoUrl: photoUrl || null });
      setState({ kind: "saved" });
    } catch (error) {
      setState({ kind: "error", message: error instanceof Error ? error.message : "Could not save. Try again." });
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm text-neutral-700">
        Readers see this on your author page,{" "}
        <a href={`/authors/${profile.slug}`} className="underline">
          /authors/{profile.slug}
        </a>
        , once you have a published story.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-bio" className="text-sm font-semibold">
          Bio
        </label>
        <textarea
          id="profile-bio"
          rows={5}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          aria-describedby="profile-bio-count"
          className="rounded border border-neutral-500 px-3 py-2"
        />
        <p id="profile-bio-count" className="text-sm text-neutral-700">
          {bio.trim().length} of {MAX_BIO_LENGTH} characters
        </p>
      </div>
      <fieldset className="flex flex-col gap-2 rounded border border-neutral-300 p-3">
        <legend className="px-1 text-sm font-semibold">Photo</legend>
        <LibraryImagePicker
          url={photoUrl}
          alt={`Portrait of ${profile.displayName}`}
          onChoose={(choice) => setPhotoUrl(choice.url)}
          onRemove={() => setPhotoUrl("")}
          label="photo"
        />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={state.kind === "saving"}>
          Save profile
        </Button>
        <p role="status" className="text-sm">
          {state.kind === "saving"
            ? "Saving…"
            : state.kind === "saved"
              ? "Saved"
              : state.kind === "error"
                ? state.message
                : ""}
        </p>
      </div>
    </form>
  );
}
