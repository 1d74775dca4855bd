"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RoleName } from "@/lib/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/user";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { RoleSelect } from "./role-select";

const EMPTY = { email: "", displayName: "", role: "WRITER" as RoleName, password: "" };

export function CreateUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (user) => {
        setValues(EMPTY);
        setErrors({});
        setMessage(`${user.displayName} can now sign in as ${user.email}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
      onError: (failure) => {
        const { message: text, fieldErrors } = describeError(failure);
        setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { _: [text] });
        setMessage(null);
      },
    }),
  );
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(values);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="create-user-heading"
      className="flex flex-col gap-4 rounded border border-neutral-300 p-4"
    >
      <h2 id="create-user-heading" className="text-lg font-bold">
        Add a person
      </h2>
      <FormAlert message={errors._?.[0]} />
      {message ? (
        <p role="status" className="text-sm text-green-900">
          {message}
        </p>
      ) : null}
      <Field
        id="new-email"
        label="Email"
        type="email"
        value={values.email}
        onChange={(e) => set("email")(e.target.value)}
        error={errors.email?.[0]}
      />
      <Field
        id="new-name"
        label="Name"
        value={values.displayName}
        onChange={(e) => set("displayName")(e.target.value)}
        error={errors.displayName?.[0]}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="new-role" className="text-sm font-semibold text-neutral-800">
          Role
        </label>
        <RoleSelect id="new-role" value={values.role} onRoleChange={set("role")} className="px-3 py-2" />
      </div>
      <Field
        id="new-password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => set("password")(e.target.value)}
        error={errors.password?.[0] ?? undefined}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add person"}
        </Button>
      </div>
    </form>
  );
}
