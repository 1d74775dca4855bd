"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { RoleName } from "@/lib/roles";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { FormStatus } from "../ui/form-status";
import { RoleSelect } from "./role-select";

const EMPTY = { email: "", displayName: "", role: "WRITER" as RoleName };

/** What happened to an invitation's message, said so an admin knows where the link is. */
function sentMessage(mailEnabled: boolean, email: string) {
  return mailEnabled
    ? `Invitation sent to ${email}.`
    : `Invitation ready for ${email}. Mail is not set up, so copy the link from the outbox and pass it on.`;
}

/** Invite a person (they choose their own password), and the invitations still waiting. */
export function Invitations({ mailEnabled }: { mailEnabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useQuery(trpc.invitation.list.queryOptions());
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
  const onError = (failure: unknown) => {
    setErrors(formErrors(failure));
    setMessage(null);
  };
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async () => {
        setMessage(sentMessage(mailEnabled, values.email.trim()));
        setValues(EMPTY);
        setErrors({});
        await refresh();
      },
      onError,
    }),
  );
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: refresh, onError }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh, onError }));
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(values);
  }

  return (
    <div className="flex flex-col gap-6">
      <form
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="invite-heading"
        className="flex flex-col gap-4 rounded border border-neutral-300 p-4"
      >
        <h2 id="invite-heading" className="text-lg font-bold">
          Invite a person
        </h2>
        <p className="text-sm text-neutral-700">They get a link, valid for 7 days, to choose their own password.</p>
        <FormAlert message={errors._?.[0]} />
        <FormStatus message={message} />
        <Field
          id="invite-email"
          label="Email"
          type="email"
          value={values.email}
          onChange={(e) => set("email")(e.target.value)}
          error={errors.email?.[0]}
        />
        <Field
          id="invite-name"
          label="Name"
          value={values.displayName}
          onChange={(e) => set("displayName")(e.target.value)}
          error={errors.displayName?.[0]}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="text-sm font-semibold text-neutral-800">
            Role
          </label>
          <RoleSelect id="invite-role" value={values.role} onRoleChange={set("role")} className="px-3 py-2" />
        </div>
        <div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Inviting…" : "Send invitation"}
          </Button>
        </div>
      </form>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="mb-2 text-lg font-bold">
          Waiting for an answer
        </h2>
        {pending.data && pending.data.length === 0 ? <p className="text-sm">No invitations are waiting.</p> : null}
        <ul className="flex flex-col gap-3">
          {(pending.data ?? []).map((invitation) => (
            <li key={invitation.id} className="rounded border border-neutral-300 p-3 text-sm">
              <p className="font-semibold">
                {invitation.displayName} ({invitation.email})
              </p>
              <p className="text-neutral-700">
                {invitation.role?.toLowerCase()}, link valid until{" "}
                {new Date(invitation.expiresAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}
              </p>
              <div className="mt-2 flex gap-2">
                <Button
                  variant="secondary"
                  aria-label={`Resend the invitation to ${invitation.email}`}
                  disabled={resend.isPending}
                  onClick={() => {
                    setMessage(sentMessage(mailEnabled, invitation.email ?? ""));
                    resend.mutate({ id: invitation.id });
                  }}
                >
                  Resend
                </Button>
                <Button
                  variant="danger"
                  aria-label={`Revoke the invitation to ${invitation.email}`}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: invitation.id })}
                >
                  Revoke
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">
          <Link href="/newsroom/admin/outbox" className="underline">
            Outbox: every message sent or waiting
          </Link>
        </p>
      </section>
    </div>
  );
}
