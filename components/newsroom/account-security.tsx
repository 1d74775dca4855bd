"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/user";
import { describeError, formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { FormStatus } from "../ui/form-status";

const EMPTY = { currentPassword: "", newPassword: "" };

/** Change your password (your other sessions end) and sign out everywhere. */
export function AccountSecurity() {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: ({ endedSessions }) => {
        setValues(EMPTY);
        setErrors({});
        setMessage(
          endedSessions > 0
            ? `Password changed. You were signed out on ${endedSessions === 1 ? "1 other device" : `${endedSessions} other devices`}.`
            : "Password changed.",
        );
      },
      onError: (failure) => {
        setErrors(formErrors(failure));
        setMessage(null);
      },
    }),
  );
  const everywhere = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: "/signin" }),
      onError: (failure) => setErrors({ _: [describeError(failure).message] }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(values);
  }

  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <form onSubmit={onSubmit} noValidate aria-labelledby="password-heading" className="flex flex-col gap-4">
        <h2 id="password-heading" className="text-lg font-bold">
          Password
        </h2>
        <FormAlert message={errors._?.[0]} />
        <FormStatus message={message} />
        <Field
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(e) => setValues((v) => ({ ...v, currentPassword: e.target.value }))}
          error={errors.currentPassword?.[0]}
        />
        <Field
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(e) => setValues((v) => ({ ...v, newPassword: e.target.value }))}
          error={errors.newPassword?.[0]}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a common password. Your other sessions end.`}
        />
        <div>
          <Button type="submit" disabled={change.isPending}>
            {change.isPending ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>

      <section aria-labelledby="sessions-heading" className="flex flex-col gap-2">
        <h2 id="sessions-heading" className="text-lg font-bold">
          Sessions
        </h2>
        <p className="text-sm text-neutral-700">
          Signed in on a computer you no longer use, or lost a phone? End every session, this one too.
        </p>
        <div>
          <Button variant="secondary" type="button" onClick={() => setConfirming(true)} disabled={everywhere.isPending}>
            Sign out everywhere
          </Button>
        </div>
      </section>
      {confirming ? (
        <ConfirmDialog
          id="sign-out-everywhere"
          open
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          busy={everywhere.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() => everywhere.mutate()}
        >
          <p>Every device signed in to your account, this one included, will need your password again.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
