"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { FormAlert } from "../ui/form-alert";

/** The newsroom's settings (admins). */
export function SettingsForm({ initial }: { initial: { colleaguesCanRead: boolean } }) {
  const trpc = useTRPC();
  const [colleaguesCanRead, setColleaguesCanRead] = useState(initial.colleaguesCanRead);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => {
        setError(null);
        setNotice("Settings saved.");
      },
      onError: (failure) => {
        setNotice(null);
        setError(describeError(failure).message);
      },
    }),
  );
  return (
    <form
      noValidate
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ colleaguesCanRead });
      }}
    >
      <fieldset className="flex flex-col gap-2 rounded border border-neutral-400 p-4">
        <legend className="px-1 font-semibold">Writers</legend>
        <div className="flex items-start gap-2">
          <input
            id="colleagues-can-read"
            type="checkbox"
            className="mt-1 size-4"
            checked={colleaguesCanRead}
            onChange={(event) => {
              setNotice(null);
              setColleaguesCanRead(event.target.checked);
            }}
            aria-describedby="colleagues-can-read-hint"
          />
          <label htmlFor="colleagues-can-read">Writers may read their colleagues&rsquo; stories</label>
        </div>
        <p id="colleagues-can-read-hint" className="text-sm text-neutral-700">
          Read-only: they cannot edit, comment on or move a story they are not an author of. Off, writers see only their
          own stories.
        </p>
      </fieldset>
      {notice ? (
        <p role="status" className="text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      <FormAlert message={error} />
      <div>
        <Button type="submit" disabled={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
