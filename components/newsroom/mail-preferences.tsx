"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { MAILABLE_ACTIONS, type MailableAction } from "@/lib/mail-preferences";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { FormAlert } from "../ui/form-alert";
import { FormStatus } from "../ui/form-status";

/** Which notices also come by email. They always appear under Notifications. */
export function MailPreferences({ initial, mailEnabled }: { initial: MailableAction[]; mailEnabled: boolean }) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState(new Set<MailableAction>(initial));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.account.setMailPreferences.mutationOptions({
      onSuccess: ({ actions }) => {
        setError(null);
        setMessage(actions.length === 0 ? "Saved: no notices by email." : `Saved: ${actions.length} kinds by email.`);
      },
      onError: (failure) => {
        setMessage(null);
        setError(describeError(failure).message);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ actions: [...chosen] });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="mail-heading" className="flex max-w-2xl flex-col gap-3">
      <h2 id="mail-heading" className="text-lg font-bold">
        Notices by email
      </h2>
      <p className="text-sm text-neutral-700">
        Every notice appears under Notifications. Choose the ones you also want by email.
        {mailEnabled ? "" : " Mail is not set up on this server yet, so nothing is sent until an admin sets it up."}
      </p>
      <FormAlert message={error} />
      <FormStatus message={message} />
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Email me when</legend>
        {MAILABLE_ACTIONS.map(({ action, label }) => (
          <label key={action} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(action)}
              onChange={(event) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (event.target.checked) next.add(action);
                  else next.delete(action);
                  return next;
                })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save email choices"}
        </Button>
      </div>
    </form>
  );
}
