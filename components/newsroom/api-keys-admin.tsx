"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { API_KEY_DEFAULT_PER_MINUTE, API_KEY_MAX_PER_MINUTE } from "@/lib/schemas/api-keys";
import { formErrors, describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { AskFirstDialog } from "../ui/ask-first";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { ShownOnce } from "../ui/shown-once";

/** A key as the list shows it (never the key itself). */
type KeyRow = RouterOutputs["apiKey"]["list"][number];

const when = (date: Date | null, timeZone: string) =>
  date
    ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(date))
    : "Never";

/** Admins' keys to the content API: create (the key is shown once), see their use, revoke. */
export function ApiKeysAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiKey.list.queryOptions());
  const [name, setName] = useState("");
  const [perMinute, setPerMinute] = useState(String(API_KEY_DEFAULT_PER_MINUTE));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: async (answer) => {
        setErrors({});
        setNotice(null);
        setCreated({ name: answer.apiKey.name, key: answer.key });
        setName("");
        setPerMinute(String(API_KEY_DEFAULT_PER_MINUTE));
        await refresh();
      },
      onError: (failure) => setErrors(formErrors(failure)),
    }),
  );
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: async (row) => {
        setRevoking(null);
        setNotice(`The key “${row.name}” is revoked: requests with it are refused from now on.`);
        await refresh();
      },
      onError: (failure) => {
        setRevoking(null);
        setNotice(null);
        setErrors({ _: [describeError(failure).message] });
      },
    }),
  );
  const rows: KeyRow[] = list.data ?? [];

  return (
    <div className="flex flex-col gap-8">
      <p className="max-w-2xl">
        Partners and apps read the live stories through the content API at <code>/api/v1</code> (documented at{" "}
        <a href="/api/v1/openapi.json" className="underline">
          /api/v1/openapi.json
        </a>
        ), sending a key as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <section aria-labelledby="new-key-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="new-key-heading" className="text-lg font-bold">
          Make a key
        </h2>
        <form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const limit = Number(perMinute);
            if (!perMinute.trim() || !Number.isInteger(limit)) {
              setErrors({ perMinute: ["Requests a minute is a whole number"] });
              return;
            }
            create.mutate({ name, perMinute: limit });
          }}
        >
          <Field
            id="api-key-name"
            label="Who or what it is for"
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            error={errors.name?.[0]}
          />
          <Field
            id="api-key-per-minute"
            label="Requests a minute"
            inputMode="numeric"
            value={perMinute}
            hint={`Up to ${API_KEY_MAX_PER_MINUTE.toLocaleString("en-GB")}; past it, requests get 429 until the minute is over.`}
            onChange={(event) => setPerMinute(event.target.value)}
            error={errors.perMinute?.[0]}
          />
          <FormAlert message={errors._?.[0]} />
          <div>
            <Button type="submit" disabled={create.isPending}>
              Create key
            </Button>
          </div>
        </form>
        {created ? (
          <ShownOnce
            id="api-key-created"
            title={`The key for “${created.name}”: copy it now, it is shown only this once.`}
            label="New key"
            value={created.key}
          />
        ) : null}
      </section>
      <section aria-labelledby="keys-heading" className="flex flex-col gap-3">
        <h2 id="keys-heading" className="text-lg font-bold">
          Keys
        </h2>
        {notice ? (
          <p role="status" className="text-sm text-green-900">
            {notice}
          </p>
        ) : null}
        {list.isPending ? <p>Loading…</p> : null}
        {list.error ? <FormAlert message={describeError(list.error).message} /> : null}
        {list.data && rows.length === 0 ? <p>No keys yet.</p> : null}
        {rows.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-neutral-400">
                  <th scope="col" className="py-2 pr-4">
                    For
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Key begins
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    A minute
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Created
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Last used
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-neutral-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-semibold">
                      {row.name}
                      {row.revokedAt ? (
                        <span className="ml-2 font-normal text-neutral-700">
                          (revoked {when(row.revokedAt, timeZone)})
                        </span>
                      ) : null}
                    </th>
                    <td className="py-2 pr-4 font-mono text-xs">{row.prefix}…</td>
                    <td className="py-2 pr-4">{row.perMinute.toLocaleString("en-GB")}</td>
                    <td className="py-2 pr-4">
                      {when(row.createdAt, timeZone)}
                      {row.createdBy ? ` by ${row.createdBy}` : ""}
                    </td>
                    <td className="py-2 pr-4">{when(row.lastUsedAt, timeZone)}</td>
                    <td className="py-2">
                      {row.revokedAt ? null : (
                        <Button
                          type="button"
                          variant="secondary"
                          onClick={() => setRevoking(row)}
                          aria-label={`Revoke the key for ${row.name}`}
                        >
                          Revoke
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
      {revoking ? (
        <AskFirstDialog
          id="revoke-api-key"
          ask={{
            title: `Revoke the key for ${revoking.name}?`,
            text: "Requests with it are refused at once, on every server. A revoked key cannot be brought back; make a new one instead.",
            label: "Revoke key",
          }}
          busy={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate({ id: revoking.id })}
        />
      ) : null}
    </div>
  );
}
