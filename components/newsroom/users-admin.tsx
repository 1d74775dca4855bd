"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { ROLE_LABELS, type RoleName } from "@/lib/roles";
import { Button } from "../ui/button";
import { AskFirstDialog, type AskFirst } from "../ui/ask-first";
import { Invitations } from "./invitations";
import { PersonActions } from "./person-actions";
import { RoleSelect } from "./role-select";

const ROLE_CONSEQUENCES: Record<RoleName, string> = {
  WRITER:
    "Writers write and submit their own stories (and may read colleagues' when the newsroom allows it); they cannot edit others' stories or publish.",
  EDITOR: "Editors see every story and can send back, approve, schedule, publish and unpublish.",
  ADMIN: "Admins can do everything editors can, and manage people: invite, change roles, deactivate.",
};

export function UsersAdmin({ currentUserId, mailEnabled }: { currentUserId: string; mailEnabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async () => {
    setError(null);
    await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  };
  const onError = (failure: unknown) => setError(describeError(failure).message);
  const changeRole = useMutation(trpc.user.changeRole.mutationOptions({ onSuccess: refresh, onError }));
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions({ onSuccess: refresh, onError }));
  const reactivate = useMutation(trpc.user.reactivate.mutationOptions({ onSuccess: refresh, onError }));
  // A role change and a deactivation ask first, saying what they change.
  const [asking, setAsking] = useState<(AskFirst & { act: () => void }) | null>(null);
  const askRole = (person: { id: string; displayName: string }, role: RoleName) =>
    setAsking({
      title: `Make ${person.displayName} ${/^[aeiou]/i.test(ROLE_LABELS[role]) ? "an" : "a"} ${ROLE_LABELS[role].toLowerCase()}?`,
      text: ROLE_CONSEQUENCES[role],
      label: "Change role",
      act: () => changeRole.mutate({ userId: person.id, role }),
    });

  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-3 text-lg font-bold">
          Everyone in the newsroom
        </h2>
        {notice ? (
          <p role="status" className="mb-3 text-sm text-green-900">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mb-3 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        {users.isPending ? <p>Loading…</p> : null}
        {users.isError ? <p role="alert">Could not load people: {describeError(users.error).message}</p> : null}
        {users.data ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">People</caption>
              <thead>
                <tr className="border-b border-neutral-400">
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Role
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Status
                  </th>
                  <th scope="col" className="py-2">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id} className="border-b border-neutral-200">
                    <td className="py-2 pr-4 font-semibold">
                      {user.displayName}
                      {user.id === currentUserId ? " (you)" : ""}
                    </td>
                    <td className="py-2 pr-4">{user.email}</td>
                    <td className="py-2 pr-4">
                      <label className="sr-only" htmlFor={`role-${user.id}`}>
                        Role of {user.displayName}
                      </label>
                      <RoleSelect
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={changeRole.isPending}
                        onRoleChange={(role) => askRole(user, role)}
                        className="px-2 py-1"
                      />
                    </td>
                    <td className="py-2 pr-4">{user.active ? "Active" : "Deactivated"}</td>
                    <td className="flex flex-wrap gap-2 py-2">
                      <PersonActions
                        person={user}
                        mailEnabled={mailEnabled}
                        onDone={async (text) => {
                          setNotice(text);
                          await refresh();
                        }}
                        onError={onError}
                      />
                      {user.active ? (
                        <Button
                          variant="danger"
                          aria-label={`Deactivate ${user.displayName}`}
                          onClick={() =>
                            setAsking({
                              title: `Deactivate ${user.displayName}?`,
                              text: "They are signed out at once and can no longer sign in. Their stories and history stay, and you can reactivate them later.",
                              label: "Deactivate",
                              act: () => deactivate.mutate({ userId: user.id }),
                            })
                          }
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          aria-label={`Reactivate ${user.displayName}`}
                          onClick={() => reactivate.mutate({ userId: user.id })}
                        >
                          Reactivate
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <Invitations mailEnabled={mailEnabled} />
      {asking ? (
        <AskFirstDialog
          id="people-confirm"
          ask={asking}
          busy={false}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            asking.act();
            setAsking(null);
          }}
        />
      ) : null}
    </div>
  );
}
