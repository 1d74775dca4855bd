"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { useHydrated } from "../ui/use-hydrated";

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(
    trpc.account.requestReset.mutationOptions({
      onSuccess: (_result, input) => setSentTo(input.email.trim()),
      onError: (failure) => {
        setErrors(formErrors(failure));
      },
    }),
  );

  // Uncontrolled, so what was typed before the page's script ran is kept.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    request.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
  }

  if (sentTo) {
    return (
      <p role="status">
        If {sentTo} has an account here, a link to choose a new password is on its way. It works once, for an hour.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-4">
      <FormAlert message={errors._?.[0]} />
      <Field
        id="forgot-email"
        label="Email"
        type="email"
        autoComplete="username"
        name="email"
        error={errors.email?.[0]}
      />
      <Button type="submit" disabled={!hydrated || request.isPending}>
        {request.isPending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
