"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/user";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { useHydrated } from "../ui/use-hydrated";

type Kind = "setup" | "invitation" | "reset";

/**
 * Chooses a password through a single-use link, then signs in with it. Set-up also asks for
 * the first admin's email and name; an invitation already knows them.
 */
export function LinkPasswordForm({ kind, token, email }: { kind: Kind; token: string; email?: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [signingIn, setSigningIn] = useState(false);
  const onError = (failure: unknown) => {
    const { message, fieldErrors } = describeError(failure);
    setErrors(Object.keys(fieldErrors).length > 0 ? { ...fieldErrors, _: [message] } : { _: [message] });
  };
  // Signs in with the password just chosen (the mutation's own input).
  const onSuccess = async (result: { email: string }, input: { password: string }) => {
    setSigningIn(true);
    const signedIn = await signIn("credentials", { email: result.email, password: input.password, redirect: false });
    if (signedIn && !signedIn.error) {
      router.replace("/newsroom");
      router.refresh();
    } else router.replace("/signin");
  };
  const setup = useMutation(trpc.account.completeSetup.mutationOptions({ onSuccess, onError }));
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions({ onSuccess, onError }));
  const reset = useMutation(trpc.account.resetPassword.mutationOptions({ onSuccess, onError }));
  const pending = setup.isPending || accept.isPending || reset.isPending || signingIn;

  // Uncontrolled, so what was typed before the page's script ran is kept (and method="post"
  // keeps a password out of the address if it is sent before then).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const form = new FormData(event.currentTarget);
    const typed = String(form.get("password") ?? "");
    if (kind === "setup")
      setup.mutate({
        token,
        email: String(form.get("email") ?? ""),
        displayName: String(form.get("displayName") ?? ""),
        password: typed,
      });
    else if (kind === "invitation") accept.mutate({ token, password: typed });
    else reset.mutate({ token, password: typed });
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-4">
      <FormAlert message={errors._?.[0]} />
      {kind === "setup" ? (
        <>
          <Field
            id="setup-email"
            label="Your email"
            type="email"
            autoComplete="username"
            name="email"
            error={errors.email?.[0]}
          />
          <Field
            id="setup-name"
            label="Your name"
            autoComplete="name"
            name="displayName"
            error={errors.displayName?.[0]}
          />
        </>
      ) : email ? (
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      ) : null}
      <Field
        id="link-password"
        label={kind === "reset" ? "New password" : "Choose a password"}
        type="password"
        autoComplete="new-password"
        name="password"
        error={errors.password?.[0]}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a common password.`}
      />
      <Button type="submit" disabled={!hydrated || pending}>
        {pending ? "Saving…" : kind === "reset" ? "Set new password" : "Set password and sign in"}
      </Button>
    </form>
  );
}
