"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

interface Person {
  id: string;
  email: string;
  displayName: string;
}

/** An admin's "Edit" (name and email) and "Reset password" (a link to the person's own email). */
export function PersonActions({
  person,
  mailEnabled,
  onDone,
  onError,
}: {
  person: Person;
  mailEnabled: boolean;
  onDone: (notice: string) => Promise<void>;
  onError: (failure: unknown) => void;
}) {
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<"edit" | "reset" | null>(null);
  const close = () => setDialog(null);
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async (user) => {
        close();
        await onDone(`Saved: ${user.displayName}, ${user.email}.`);
      },
      onError,
    }),
  );
  const reset = useMutation(
    trpc.user.startReset.mutationOptions({
      onSuccess: async () => {
        close();
        await onDone(
          mailEnabled
            ? `A reset link was sent to ${person.email}.`
            : `A reset link for ${person.email} is in the outbox (mail is not set up): pass it on.`,
        );
      },
      onError,
    }),
  );

  return (
    <>
      <Button variant="secondary" aria-label={`Edit ${person.displayName}`} onClick={() => setDialog("edit")}>
        Edit
      </Button>
      <Button
        variant="secondary"
        aria-label={`Reset the password of ${person.displayName}`}
        onClick={() => setDialog("reset")}
      >
        Reset password
      </Button>
      {dialog === "edit" ? (
        <ConfirmDialog
          id={`edit-${person.id}`}
          open
          title={`Edit ${person.displayName}`}
          confirmLabel="Save"
          busy={update.isPending}
          onClose={close}
          onConfirm={(form) =>
            update.mutate({
              userId: person.id,
              displayName: String(form.get("displayName") ?? ""),
              email: String(form.get("email") ?? ""),
            })
          }
        >
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Name
            <input
              name="displayName"
              defaultValue={person.displayName}
              className="rounded border border-neutral-500 px-3 py-2 font-normal"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Email
            <input
              name="email"
              type="email"
              defaultValue={person.email}
              className="rounded border border-neutral-500 px-3 py-2 font-normal"
            />
          </label>
        </ConfirmDialog>
      ) : null}
      {dialog === "reset" ? (
        <ConfirmDialog
          id={`reset-${person.id}`}
          open
          title={`Reset the password of ${person.displayName}?`}
          confirmLabel="Send reset link"
          busy={reset.isPending}
          onClose={close}
          onConfirm={() => reset.mutate({ userId: person.id })}
        >
          <p>
            A link to choose a new password goes to {person.email}. Their password stays as it is until they use it;
            then every session of theirs ends.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
