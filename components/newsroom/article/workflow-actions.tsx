"use client";

import { useState } from "react";
import { useTRPCClient } from "@/trpc/client";
import { ACTION_LABELS, type Action } from "@/lib/workflow-actions";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { FormAlert } from "../../ui/form-alert";
import { StepError } from "./step-error";
import { useArticleStep } from "./use-article-step";

type DialogKind = "note" | "reason" | "time" | "confirm";

/** The label of an optional note field a dialog offers (submit, approve, publish). */
const OPTIONAL_NOTE: Partial<Record<Action, string>> = {
  submit: "Note for the editors (optional)",
  approve: "Note for the writer (optional)",
  publish: "Note (optional)",
  publishUpdate: "What changed (optional)",
};

const DIALOGS: Partial<Record<Action, { kind: DialogKind; title: string; text?: string }>> = {
  submit: {
    kind: "confirm",
    title: "Submit for review?",
    text: "The editors are told; you can withdraw it until they act.",
  },
  approve: {
    kind: "confirm",
    title: "Approve this article?",
    text: "It can then be published or scheduled; the writer is told.",
  },
  requestChanges: { kind: "note", title: "Send back to the writer", text: "What should the writer change?" },
  unpublish: {
    kind: "reason",
    title: "Unpublish this article",
    text: "Why is it being taken down? (kept on the article's record)",
  },
  schedule: { kind: "time", title: "Schedule publication" },
  reschedule: { kind: "time", title: "Reschedule publication" },
  publish: { kind: "confirm", title: "Publish now?", text: "The article goes live for everyone at once." },
  publishUpdate: {
    kind: "confirm",
    title: "Publish the update?",
    text: "Readers will see the edited version, marked as updated.",
  },
  republish: { kind: "confirm", title: "Republish?", text: "The last published version goes live again." },
  spike: {
    kind: "confirm",
    title: "Spike this article?",
    text: "It leaves the workflow; an editor can restore it later.",
  },
};

export function WorkflowActions({
  articleId,
  actions,
  timeZone,
  defaultScheduleValue,
  scheduledValue,
}: {
  articleId: string;
  actions: Action[];
  timeZone: string;
  defaultScheduleValue: string;
  /** When it is scheduled for now ("YYYY-MM-DDTHH:MM" in the newsroom's zone): where rescheduling starts. */
  scheduledValue?: string;
}) {
  const client = useTRPCClient();
  const { run, busy, error, clearError, reload } = useArticleStep();
  const [open, setOpen] = useState<Action | null>(null);

  const perform = (action: Action, form?: FormData) => {
    const note = String(form?.get("note") ?? "");
    const calls: Record<Action, (ref: { id: string; version: number }) => Promise<unknown>> = {
      submit: (ref) => client.workflow.submit.mutate({ ...ref, note }),
      withdraw: (ref) => client.workflow.withdraw.mutate(ref),
      requestChanges: (ref) => client.workflow.requestChanges.mutate({ ...ref, note }),
      approve: (ref) => client.workflow.approve.mutate({ ...ref, note }),
      publish: (ref) => client.workflow.publish.mutate({ ...ref, note }),
      schedule: (ref) =>
        client.workflow.schedule.mutate({ ...ref, scheduledFor: String(form?.get("scheduledFor") ?? "") }),
      reschedule: (ref) =>
        client.workflow.reschedule.mutate({ ...ref, scheduledFor: String(form?.get("scheduledFor") ?? "") }),
      unschedule: (ref) => client.workflow.unschedule.mutate(ref),
      unpublish: (ref) => client.workflow.unpublish.mutate({ ...ref, note }),
      republish: (ref) => client.workflow.republish.mutate(ref),
      spike: (ref) => client.workflow.spike.mutate(ref),
      restore: (ref) => client.workflow.restore.mutate(ref),
      publishUpdate: (ref) => client.workflow.publishUpdate.mutate({ ...ref, note }),
    };
    void run((version) => calls[action]({ id: articleId, version })).then((ok) => {
      if (ok) setOpen(null);
    });
  };

  if (actions.length === 0) return null;
  const dialog = open ? DIALOGS[open] : undefined;
  const fieldError = error?.fieldErrors.note?.[0] ?? error?.fieldErrors.scheduledFor?.[0];

  return (
    <div className="flex flex-col gap-3">
      {!open ? <StepError error={error} onReload={reload} /> : null}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button
            key={action}
            type="button"
            variant={
              action === "spike" || action === "unpublish"
                ? "danger"
                : action === "withdraw" || action === "unschedule" || action === "reschedule"
                  ? "secondary"
                  : "primary"
            }
            disabled={busy}
            onClick={() => {
              clearError();
              if (DIALOGS[action]) setOpen(action);
              else perform(action);
            }}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </div>
      {open && dialog ? (
        <ConfirmDialog
          open
          title={dialog.title}
          confirmLabel={ACTION_LABELS[open]}
          busy={busy}
          onClose={() => {
            setOpen(null);
            clearError();
          }}
          onConfirm={(form) => perform(open, form)}
        >
          {dialog.kind === "confirm" ? <p className="text-sm text-neutral-800">{dialog.text}</p> : null}
          {dialog.kind === "confirm" && OPTIONAL_NOTE[open] ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="workflow-optional-note" className="text-sm font-semibold">
                {OPTIONAL_NOTE[open]}
              </label>
              <textarea
                id="workflow-optional-note"
                name="note"
                rows={3}
                maxLength={2000}
                className="rounded border border-neutral-500 px-3 py-2"
              />
            </div>
          ) : null}
          {dialog.kind === "note" || dialog.kind === "reason" ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="workflow-note" className="text-sm font-semibold">
                {dialog.kind === "note" ? "Note for the writer" : "Reason"}
              </label>
              <p id="workflow-note-hint" className="text-sm text-neutral-700">
                {dialog.text}
              </p>
              <textarea
                id="workflow-note"
                name="note"
                required
                rows={4}
                maxLength={2000}
                aria-describedby={fieldError ? "workflow-note-hint workflow-dialog-error" : "workflow-note-hint"}
                aria-invalid={fieldError ? true : undefined}
                className="rounded border border-neutral-500 px-3 py-2"
              />
            </div>
          ) : null}
          {dialog.kind === "time" ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="workflow-time" className="text-sm font-semibold">
                Publish at ({timeZone})
              </label>
              <input
                id="workflow-time"
                name="scheduledFor"
                type="datetime-local"
                required
                defaultValue={open === "reschedule" && scheduledValue ? scheduledValue : defaultScheduleValue}
                aria-describedby={fieldError ? "workflow-dialog-error" : undefined}
                aria-invalid={fieldError ? true : undefined}
                className="rounded border border-neutral-500 px-3 py-2"
              />
            </div>
          ) : null}
          <FormAlert id="workflow-dialog-error" message={error ? (fieldError ?? error.message) : null} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
