"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  BUDGET_ROLE_LABELS,
  BUDGET_ROLES,
  MAX_BUDGET_ANGLE,
  MAX_BUDGET_TITLE,
  PRIORITY_LABELS,
  type BudgetFields,
  type BudgetRoleName,
} from "@/lib/schemas/budget";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { FormAlert } from "../../ui/form-alert";
import { SelectField } from "../../ui/select-field";

/** What the form holds: every field as typed (numbers too, until sent). */
export interface BudgetFormValues {
  title: string;
  angle: string;
  sectionId: string;
  priority: string;
  plannedDay: string;
  windowStart: string;
  windowEnd: string;
  targetWords: string;
  deadline: string;
  assignees: { userId: string; role: BudgetRoleName }[];
}

function toFields(values: BudgetFormValues): BudgetFields {
  const words = values.targetWords.trim();
  return {
    title: values.title,
    angle: values.angle,
    sectionId: values.sectionId || null,
    priority: Number(values.priority),
    plannedDay: values.plannedDay || null,
    windowStart: values.windowStart || null,
    windowEnd: values.windowEnd || null,
    targetWords: words === "" ? null : Number(words),
    deadline: values.deadline || null,
    assignees: values.assignees.filter((a) => a.userId !== ""),
  };
}

/** The server's messages by form field ("fields.assignees.1.userId" is the people's). */
function byField(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const field = key.replace(/^fields\./, "").split(".")[0] ?? "_";
    (out[field] ??= []).push(...messages);
  }
  return out;
}

/** Plan a line (editors), propose an idea (writers), or change one. */
export function BudgetLineForm({
  line,
  initial,
  sections,
  people,
  canAssign,
  readOnly,
}: {
  /** The line being changed; null for a new one. */
  line: { id: string; version: number } | null;
  initial: BudgetFormValues;
  sections: { id: string; name: string }[];
  people: { id: string; displayName: string }[];
  canAssign: boolean;
  /** Shown but not changeable by this person (they are told why above the form). */
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  // The version the next save builds on: each save answers with the new one.
  const [version, setVersion] = useState(line?.version ?? 0);
  const set = (change: Partial<BudgetFormValues>) => {
    setSaved(false);
    setValues((v) => ({ ...v, ...change }));
  };
  // On failure the form keeps what was typed: nothing is lost.
  const onError = (failure: unknown) => setErrors(byField(formErrors(failure)));
  const create = useMutation(
    trpc.budget.create.mutationOptions({
      onSuccess: (created) => router.push(`/newsroom/budget/${created.id}`),
      onError,
    }),
  );
  const update = useMutation(
    trpc.budget.update.mutationOptions({
      onSuccess: (updated) => {
        setVersion(updated.version);
        setSaved(true);
        router.refresh();
      },
      onError,
    }),
  );
  const pending = create.isPending || update.isPending;
  const errorFor = (field: string) => errors[field]?.[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values.title.trim()) {
      setErrors({ title: ["A working title is required"] });
      return;
    }
    if (values.targetWords.trim() !== "" && !/^\d+$/.test(values.targetWords.trim())) {
      setErrors({ targetWords: ["Target length is a whole number of words"] });
      return;
    }
    setErrors({});
    const fields = toFields(values);
    if (line) update.mutate({ id: line.id, version, fields });
    else create.mutate(fields);
  }

  const setAssignee = (i: number, change: Partial<{ userId: string; role: BudgetRoleName }>) =>
    set({ assignees: values.assignees.map((a, j) => (j === i ? { ...a, ...change } : a)) });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-5" aria-label="Budget line">
      <FormAlert message={errors._?.[0] ?? null} />
      <fieldset disabled={readOnly || pending} className="flex flex-col gap-5">
        <Field
          id="budget-title"
          label="Working title"
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
          maxLength={MAX_BUDGET_TITLE + 50}
          error={errorFor("title")}
          autoFocus={!line}
        />
        <Field
          id="budget-angle"
          label="Angle"
          hint="The story in one line: what is new, for whom."
          value={values.angle}
          onChange={(e) => set({ angle: e.target.value })}
          maxLength={MAX_BUDGET_ANGLE + 50}
          error={errorFor("angle")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="budget-section"
            label="Section"
            value={values.sectionId}
            onChange={(e) => set({ sectionId: e.target.value })}
            placeholder="No section"
            options={sections.map((section) => ({ value: section.id, label: section.name }))}
            error={errorFor("sectionId")}
          />
          <SelectField
            id="budget-priority"
            label="Priority"
            value={values.priority}
            onChange={(e) => set({ priority: e.target.value })}
            options={[1, 2, 3].map((p) => ({ value: String(p), label: PRIORITY_LABELS[p] ?? String(p) }))}
          />
          <Field
            id="budget-day"
            type="date"
            label="Planned day"
            value={values.plannedDay}
            onChange={(e) => set({ plannedDay: e.target.value })}
            error={errorFor("plannedDay")}
          />
          <Field
            id="budget-words"
            inputMode="numeric"
            label="Target length (words)"
            value={values.targetWords}
            onChange={(e) => set({ targetWords: e.target.value })}
            error={errorFor("targetWords")}
          />
          <Field
            id="budget-window-start"
            type="time"
            label="Window opens"
            hint="Optional: when on the planned day it should run."
            value={values.windowStart}
            onChange={(e) => set({ windowStart: e.target.value })}
            error={errorFor("windowStart")}
          />
          <Field
            id="budget-window-end"
            type="time"
            label="Window closes"
            value={values.windowEnd}
            onChange={(e) => set({ windowEnd: e.target.value })}
            error={errorFor("windowEnd")}
          />
          <Field
            id="budget-deadline"
            type="datetime-local"
            label="Filing deadline"
            value={values.deadline}
            onChange={(e) => set({ deadline: e.target.value })}
            error={errorFor("deadline")}
          />
        </div>
        {canAssign ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">People on it</legend>
            {values.assignees.length === 0 ? (
              <p className="text-sm text-neutral-700">Nobody yet: the line stays an idea until a reporter is on it.</p>
            ) : null}
            {values.assignees.map((a, i) => (
              <div key={i} className="flex flex-wrap items-end gap-2">
                <SelectField
                  id={`budget-person-${i}`}
                  label={`Person ${i + 1}`}
                  labelClassName="text-sm"
                  value={a.userId}
                  onChange={(e) => setAssignee(i, { userId: e.target.value })}
                  placeholder="Choose someone"
                  options={people.map((p) => ({ value: p.id, label: p.displayName }))}
                />
                <SelectField
                  id={`budget-role-${i}`}
                  label={`Role of person ${i + 1}`}
                  labelClassName="text-sm"
                  value={a.role}
                  onChange={(e) => setAssignee(i, { role: e.target.value as BudgetRoleName })}
                  options={BUDGET_ROLES.map((role) => ({ value: role, label: BUDGET_ROLE_LABELS[role] }))}
                />
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => set({ assignees: values.assignees.filter((_, j) => j !== i) })}
                >
                  Remove person {i + 1}
                </Button>
              </div>
            ))}
            {errorFor("assignees") ? <p className="text-sm text-red-800">{errorFor("assignees")}</p> : null}
            <div>
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  set({
                    assignees: [
                      ...values.assignees,
                      { userId: "", role: values.assignees.length === 0 ? "REPORTER" : "PHOTOGRAPHER" },
                    ],
                  })
                }
              >
                Add a person
              </Button>
            </div>
          </fieldset>
        ) : null}
        <div className="flex items-center gap-4">
          <Button type="submit">
            {pending ? "Saving…" : line ? "Save changes" : canAssign ? "Add to the budget" : "Propose the idea"}
          </Button>
          {saved ? (
            <p role="status" className="text-sm">
              Saved.
            </p>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
