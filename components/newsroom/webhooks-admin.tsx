"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEventName } from "@/lib/schemas/webhooks";
import { describeError, formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { ShownOnce } from "../ui/shown-once";

const when = (date: Date | null, timeZone: string) =>
  date
    ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(date))
    : "—";

const STATUS_LABELS = { PENDING: "Trying", SUCCEEDED: "Delivered", FAILED: "Failed" } as const;

/** Admins' webhook endpoints: register one (its secret shown once), switch it on or off, read its deliveries, redeliver. */
export function WebhooksAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhook.list.queryOptions());
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventName[]>([...WEBHOOK_EVENTS]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhook.list.queryKey() });
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: async (answer) => {
        setErrors({});
        setCreated({ name: answer.endpoint.name, secret: answer.secret });
        setName("");
        setUrl("");
        await refresh();
      },
      onError: (failure) => setErrors(formErrors(failure)),
    }),
  );
  const toggle = useMutation(
    trpc.webhook.setEnabled.mutationOptions({
      onSuccess: async (endpoint) => {
        setNotice(`“${endpoint.name}” is ${endpoint.disabledAt ? "switched off" : "on"}.`);
        await refresh();
      },
      onError: (failure) => setNotice(describeError(failure).message),
    }),
  );

  return (
    <div className="flex flex-col gap-8">
      <p className="max-w-2xl">
        Partners are told when stories are published, updated, corrected, unpublished or move: a signed POST of JSON
        (header <code>Masthead-Signature</code>: HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> with the
        endpoint&rsquo;s secret), retried for about a day until it gets a 2xx answer.
      </p>
      <section aria-labelledby="new-webhook-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="new-webhook-heading" className="text-lg font-bold">
          Add an endpoint
        </h2>
        <form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name, url, events });
          }}
        >
          <Field
            id="webhook-name"
            label="Who receives it"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            error={errors.name?.[0]}
          />
          <Field
            id="webhook-url"
            label="Address"
            type="url"
            placeholder="https://partner.example/hooks/masthead"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={errors.url?.[0]}
          />
          <fieldset
            className="flex flex-col gap-1"
            aria-describedby={errors.events ? "webhook-events-error" : undefined}
          >
            <legend className="text-sm font-semibold text-neutral-800">Tell it when</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={events.includes(event)}
                  onChange={(e) =>
                    setEvents((now) => (e.target.checked ? [...now, event] : now.filter((x) => x !== event)))
                  }
                />
                {WEBHOOK_EVENT_LABELS[event]}
              </label>
            ))}
            {errors.events ? (
              <p id="webhook-events-error" className="text-sm text-red-800">
                {errors.events[0]}
              </p>
            ) : null}
          </fieldset>
          <FormAlert message={errors._?.[0]} />
          <div>
            <Button type="submit" disabled={create.isPending}>
              Add endpoint
            </Button>
          </div>
        </form>
        {created ? (
          <ShownOnce
            id="webhook-secret"
            title={`The signing secret for “${created.name}”: give it to the receiver now, it is shown only this once.`}
            label="Signing secret"
            value={created.secret}
          />
        ) : null}
      </section>
      <section aria-labelledby="webhooks-heading" className="flex flex-col gap-3">
        <h2 id="webhooks-heading" className="text-lg font-bold">
          Endpoints
        </h2>
        {notice ? (
          <p role="status" className="text-sm">
            {notice}
          </p>
        ) : null}
        {list.error ? <FormAlert message={describeError(list.error).message} /> : null}
        {list.data && list.data.length === 0 ? <p>No endpoints yet.</p> : null}
        <ul className="flex flex-col gap-4">
          {(list.data ?? []).map((endpoint) => (
            <li key={endpoint.id} className="flex flex-col gap-2 rounded border border-neutral-300 p-4">
              <h3 className="font-semibold">
                {endpoint.name}{" "}
                <span className="font-normal text-neutral-700">
                  {endpoint.disabledAt ? `(off since ${when(endpoint.disabledAt, timeZone)})` : "(on)"}
                </span>
              </h3>
              <p className="break-all font-mono text-sm">{endpoint.url}</p>
              {endpoint.disabledReason ? <p className="text-sm text-red-800">{endpoint.disabledReason}</p> : null}
              <p className="text-sm text-neutral-700">
                {endpoint.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join("; ")}.
              </p>
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ id: endpoint.id, enabled: endpoint.disabledAt !== null })}
                >
                  {endpoint.disabledAt ? `Switch on “${endpoint.name}”` : `Switch off “${endpoint.name}”`}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  aria-expanded={open === endpoint.id}
                  onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}
                >
                  Deliveries to “{endpoint.name}”
                </Button>
              </div>
              {open === endpoint.id ? <Deliveries id={endpoint.id} name={endpoint.name} timeZone={timeZone} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Deliveries({ id, name, timeZone }: { id: string; name: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliveries = useQuery(trpc.webhook.deliveries.queryOptions({ id }));
  const [said, setSaid] = useState<string | null>(null);
  const redeliver = useMutation(
    trpc.webhook.redeliver.mutationOptions({
      onSuccess: async () => {
        setSaid("Sent again: it shows at the top.");
        await queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.queryKey({ id }) });
      },
      onError: (failure) => setSaid(describeError(failure).message),
    }),
  );
  if (deliveries.error) return <FormAlert message={describeError(deliveries.error).message} />;
  if (!deliveries.data) return <p>Loading…</p>;
  if (deliveries.data.length === 0) return <p>Nothing sent to it yet.</p>;
  return (
    <div className="overflow-x-auto">
      {said ? (
        <p role="status" className="text-sm">
          {said}
        </p>
      ) : null}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Latest deliveries to {name}</caption>
        <thead>
          <tr className="border-b border-neutral-400">
            <th scope="col" className="py-2 pr-4">
              Event
            </th>
            <th scope="col" className="py-2 pr-4">
              Story
            </th>
            <th scope="col" className="py-2 pr-4">
              State
            </th>
            <th scope="col" className="py-2 pr-4">
              Answers
            </th>
            <th scope="col" className="py-2 pr-4">
              Queued
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => {
            const headline = (d.payload as { story?: { headline?: string } }).story?.headline ?? "";
            return (
              <tr key={d.id} className="border-b border-neutral-200 align-top">
                <td className="py-2 pr-4">story.{d.event.toLowerCase()}</td>
                <th scope="row" className="py-2 pr-4 font-normal">
                  {headline}
                </th>
                <td className="py-2 pr-4">
                  {STATUS_LABELS[d.status]}
                  {d.lastError ? <span className="block text-neutral-700">{d.lastError}</span> : null}
                </td>
                <td className="py-2 pr-4 font-mono">
                  {d.responses.map((r) => (r === 0 ? "none" : r)).join(", ") || "—"}
                </td>
                <td className="py-2 pr-4">{when(d.createdAt, timeZone)}</td>
                <td className="py-2">
                  {d.status === "PENDING" ? null : (
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={redeliver.isPending}
                      onClick={() => redeliver.mutate({ deliveryId: d.id })}
                      aria-label={`Send “${headline}” (story.${d.event.toLowerCase()}) again`}
                    >
                      Send again
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
