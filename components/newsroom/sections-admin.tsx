"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { AskFirstDialog, type AskFirst } from "../ui/ask-first";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";

interface SectionRow {
  id: string;
  name: string;
  slug: string;
  retiredAt: Date | null;
  stories: number;
}

type Refusal = ReturnType<typeof describeError>;

const stories = (n: number) => `${n} ${n === 1 ? "story" : "stories"}`;

/** Admins' sections: add, rename, order (the public menu's order), retire and restore. */
export function SectionsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.section.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [asking, setAsking] = useState<(AskFirst & { act: () => void }) | null>(null);
  const refresh = async (message: string) => {
    setError(null);
    setAsking(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.section.list.queryKey() });
  };
  const onError = (failure: unknown) => {
    setAsking(null);
    setNotice(null);
    setError(describeError(failure).message);
  };
  const reorder = useMutation(trpc.section.reorder.mutationOptions({ onError }));
  const retire = useMutation(trpc.section.setRetired.mutationOptions({ onError }));

  const rows: SectionRow[] = list.data ?? [];
  function move(index: number, by: -1 | 1) {
    const ids = rows.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate({ ids }, { onSuccess: () => void refresh(`${rows[index]?.name} moved ${by < 0 ? "up" : "down"}.`) });
  }
  function askRetire(row: SectionRow) {
    const retired = row.retiredAt === null;
    setAsking({
      title: retired ? `Retire ${row.name}?` : `Bring ${row.name} back?`,
      text: retired
        ? `Its ${stories(row.stories)} keep their section and their addresses, and /sections/${row.slug} stays. It leaves the site's menu and is no longer offered for new stories.`
        : `${row.name} is offered for stories again and returns to the site's menu.`,
      label: retired ? "Retire section" : "Bring back",
      act: () =>
        retire.mutate(
          { id: row.id, retired },
          { onSuccess: () => void refresh(retired ? `${row.name} is retired.` : `${row.name} is back.`) },
        ),
    });
  }

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="sections-heading" className="flex flex-col gap-3">
        <h2 id="sections-heading" className="text-lg font-bold">
          Sections, in the site&rsquo;s order
        </h2>
        {notice ? (
          <p role="status" className="text-sm text-green-900">
            {notice}
          </p>
        ) : null}
        <FormAlert message={error} />
        {list.isPending ? <p>Loading…</p> : null}
        {list.error ? <FormAlert message={describeError(list.error).message} /> : null}
        {rows.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-neutral-400">
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Address
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Stories
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.id} className="border-b border-neutral-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-semibold">
                      {renaming === row.id ? (
                        <RenameForm
                          row={row}
                          onCancel={() => setRenaming(null)}
                          onDone={async (name) => {
                            setRenaming(null);
                            await refresh(`${row.name} is now called ${name}.`);
                          }}
                        />
                      ) : (
                        <>
                          {row.name}
                          {row.retiredAt ? <span className="ml-2 font-normal text-neutral-700">(retired)</span> : null}
                        </>
                      )}
                    </th>
                    <td className="py-2 pr-4 font-mono text-xs">/sections/{row.slug}</td>
                    <td className="py-2 pr-4">{stories(row.stories)}</td>
                    <td className="py-2">
                      <div className="flex flex-wrap gap-2">
                        <Button
                          type="button"
                          variant="secondary"
                          onClick={() => setRenaming(row.id)}
                          aria-label={`Rename ${row.name}`}
                        >
                          Rename
                        </Button>
                        <Button
                          type="button"
                          variant="secondary"
                          disabled={index === 0 || reorder.isPending}
                          onClick={() => move(index, -1)}
                          aria-label={`Move ${row.name} up`}
                        >
                          Up
                        </Button>
                        <Button
                          type="button"
                          variant="secondary"
                          disabled={index === rows.length - 1 || reorder.isPending}
                          onClick={() => move(index, 1)}
                          aria-label={`Move ${row.name} down`}
                        >
                          Down
                        </Button>
                        <Button
                          type="button"
                          variant={row.retiredAt ? "secondary" : "danger"}
                          onClick={() => askRetire(row)}
                          aria-label={row.retiredAt ? `Bring ${row.name} back` : `Retire ${row.name}`}
                        >
                          {row.retiredAt ? "Bring back" : "Retire"}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <NewSectionForm onDone={(name) => refresh(`${name} added at the end of the list.`)} />
      {asking ? (
        <AskFirstDialog
          id="section-confirm"
          ask={asking}
          busy={retire.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={asking.act}
        />
      ) : null}
    </div>
  );
}

function RenameForm({
  row,
  onCancel,
  onDone,
}: {
  row: SectionRow;
  onCancel: () => void;
  onDone: (name: string) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState(row.name);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const rename = useMutation(
    trpc.section.rename.mutationOptions({
      onSuccess: (renamed) => onDone(renamed.name),
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: row.id, name });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <Field
        id={`rename-${row.id}`}
        label={`New name for ${row.name}`}
        value={name}
        maxLength={60}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        hint={`The address stays /sections/${row.slug}.`}
        error={refusal?.fieldErrors.name?.[0]}
      />
      <FormAlert message={refusal && !refusal.fieldErrors.name ? refusal.message : null} />
      <div className="flex gap-2">
        <Button type="submit" disabled={rename.isPending}>
          Save name
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function NewSectionForm({ onDone }: { onDone: (name: string) => Promise<void> }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const create = useMutation(
    trpc.section.create.mutationOptions({
      onSuccess: async (created) => {
        setName("");
        setRefusal(null);
        await onDone(created.name);
      },
      onError: (failure) => setRefusal(describeError(failure)),
    }),
  );
  return (
    <section aria-labelledby="new-section-heading" className="max-w-md">
      <h2 id="new-section-heading" className="mb-3 text-lg font-bold">
        Add a section
      </h2>
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name });
        }}
      >
        <Field
          id="new-section-name"
          label="Name"
          value={name}
          maxLength={60}
          onChange={(event) => setName(event.target.value)}
          error={refusal?.fieldErrors.name?.[0]}
        />
        <FormAlert message={refusal && !refusal.fieldErrors.name ? refusal.message : null} />
        <div>
          <Button type="submit" disabled={create.isPending}>
            Add section
          </Button>
        </div>
      </form>
    </section>
  );
}
