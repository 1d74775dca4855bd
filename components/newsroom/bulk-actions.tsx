"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  BULK_ACTION_LABELS,
  BULK_ACTIONS,
  MAX_BULK_ARTICLES,
  type BulkAction,
  type BulkActionInput,
  type BulkOutcome,
} from "@/lib/schemas/article-bulk";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { AskFirstDialog } from "../ui/ask-first";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { SelectField } from "../ui/select-field";

const FORM_ID = "bulk-selection";

const articles = (n: number) => `${n} ${n === 1 ? "article" : "articles"}`;

/** The question before the change, naming how many articles it touches. */
function askFor(input: BulkActionInput, sectionName: string): { title: string; text: string; label: string } {
  const n = articles(input.ids.length);
  switch (input.action) {
    case "setSection":
      return {
        title: `Move ${n} to ${sectionName}?`,
        text: `Each selected article moves to ${sectionName}; live stories move on the public site at once.`,
        label: `Move ${n}`,
      };
    case "addTag":
      return {
        title: `Tag ${n} “${input.tag}”?`,
        text: `The tag is added to each selected article that does not have it; live stories show it at once.`,
        label: `Tag ${n}`,
      };
    case "removeTag":
      return {
        title: `Remove “${input.tag}” from ${n}?`,
        text: `The tag is taken off each selected article that has it; live stories lose it at once.`,
        label: `Remove from ${n}`,
      };
    case "spike":
      return {
        title: `Spike ${n}?`,
        text: "Spiked articles leave the desk; they can be restored later. A live story cannot be spiked until it is unpublished.",
        label: `Spike ${n}`,
      };
  }
}

/**
 * Editors' bulk actions on the newsroom list: the rows' checkboxes (rendered by the table inside)
 * select, a confirmation states how many, and each article's outcome is listed afterwards.
 */
export function BulkSelection({
  sections,
  children,
}: {
  sections: { id: string; name: string }[];
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [count, setCount] = useState(0);
  const [onPage, setOnPage] = useState(0);
  const [action, setAction] = useState<BulkAction>("setSection");
  const [sectionId, setSectionId] = useState("");
  const [tag, setTag] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<{ field: "ids" | "sectionId" | "tag" | "form"; message: string } | null>(null);
  const [asking, setAsking] = useState<BulkActionInput | null>(null);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);
  const run = useMutation(
    trpc.article.bulk.mutationOptions({
      onError: (failure) => {
        setAsking(null);
        setProblem({ field: "form", message: describeError(failure).message });
      },
    }),
  );

  function checkboxes(): HTMLInputElement[] {
    return [...(form.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]') ?? [])];
  }
  function recount() {
    const boxes = checkboxes();
    setCount(boxes.filter((box) => box.checked).length);
    setOnPage(boxes.length);
  }

  function selectAll(checked: boolean) {
    for (const box of checkboxes()) box.checked = checked;
    recount();
  }

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcomes(null);
    const ids = checkboxes()
      .filter((box) => box.checked)
      .map((box) => box.value);
    if (ids.length === 0) return setProblem({ field: "ids", message: "Select at least one article first." });
    if (ids.length > MAX_BULK_ARTICLES)
      return setProblem({ field: "ids", message: `Select at most ${MAX_BULK_ARTICLES} articles at a time.` });
    if (action === "setSection" && !sectionId) return setProblem({ field: "sectionId", message: "Choose a section." });
    if ((action === "addTag" || action === "removeTag") && !tag.trim())
      return setProblem({ field: "tag", message: "Name the tag." });
    setProblem(null);
    setAsking(
      action === "setSection"
        ? { action, ids, sectionId }
        : action === "spike"
          ? { action, ids, ...(note.trim() ? { note } : {}) }
          : { action, ids, tag },
    );
  }

  const sectionName = sections.find((s) => s.id === sectionId)?.name ?? "the section";
  const allOnPage = count > 0 && count === onPage;
  return (
    <>
      <form id={FORM_ID} ref={form} onSubmit={ask} onChange={recount} noValidate className="flex flex-col gap-4">
        <fieldset className="flex flex-wrap items-end gap-3 rounded border border-neutral-400 p-3">
          <legend className="px-1 text-sm font-semibold">With the selected articles</legend>
          <p aria-live="polite" className="self-center text-sm" id="bulk-count">
            {articles(count)} selected
          </p>
          <Button type="button" variant="secondary" onClick={() => selectAll(!allOnPage)}>
            {allOnPage ? "Clear selection" : "Select all on this page"}
          </Button>
          <SelectField
            id="bulk-action"
            label="Action"
            value={action}
            onChange={(event) => setAction(event.target.value as BulkAction)}
            options={BULK_ACTIONS.map((value) => ({ value, label: BULK_ACTION_LABELS[value] }))}
          />
          {action === "setSection" ? (
            <SelectField
              id="bulk-section"
              label="Section"
              value={sectionId}
              placeholder="Choose a section"
              onChange={(event) => setSectionId(event.target.value)}
              options={sections.map((s) => ({ value: s.id, label: s.name }))}
              error={problem?.field === "sectionId" ? problem.message : undefined}
            />
          ) : null}
          {action === "addTag" || action === "removeTag" ? (
            <Field
              id="bulk-tag"
              label="Tag"
              value={tag}
              maxLength={50}
              onChange={(event) => setTag(event.target.value)}
              error={problem?.field === "tag" ? problem.message : undefined}
            />
          ) : null}
          {action === "spike" ? (
            <Field
              id="bulk-note"
              label="Note for the timeline (optional)"
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.target.value)}
            />
          ) : null}
          <Button type="submit" aria-describedby="bulk-count">
            Apply
          </Button>
        </fieldset>
        <FormAlert message={problem?.field === "ids" || problem?.field === "form" ? problem.message : null} />
        {outcomes ? <BulkOutcomes outcomes={outcomes} /> : null}
        {children}
      </form>
      {asking ? (
        <AskFirstDialog
          id="bulk-confirm"
          ask={askFor(asking, sectionName)}
          busy={run.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={() =>
            run.mutate(asking, {
              onSuccess: (result) => {
                setAsking(null);
                setOutcomes(result.outcomes);
                selectAll(false);
                router.refresh();
              },
            })
          }
        />
      ) : null}
    </>
  );
}

/** Every selected article's outcome: done, nothing to do, or refused and why. */
function BulkOutcomes({ outcomes }: { outcomes: BulkOutcome[] }) {
  const refused = outcomes.filter((o) => !o.ok).length;
  const done = outcomes.filter((o) => o.ok && !o.unchanged).length;
  const already = outcomes.length - refused - done;
  const summary = [
    `${articles(done)} changed`,
    already ? `${already} already so` : null,
    refused ? `${refused} refused` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <section aria-labelledby="bulk-outcome-heading" className="rounded border border-neutral-400 p-3" role="status">
      <h2 id="bulk-outcome-heading" className="font-semibold">
        {summary}
      </h2>
      <ul className="mt-2 flex flex-col gap-1 text-sm">
        {outcomes.map((o) => (
          <li key={o.id}>
            {o.headline ? (
              <Link href={`/newsroom/articles/${o.id}`} className="underline">
                {o.headline}
              </Link>
            ) : (
              "An article you cannot see"
            )}
            {": "}
            {o.ok ? o.unchanged ? "already so" : "done" : <span className="text-red-800">refused — {o.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
